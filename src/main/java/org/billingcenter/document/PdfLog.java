package org.billingcenter.document;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log into the application's (SLF4J): its own console logger would print a dozen
 * INFO lines (timings, font loads) per PDF. Its INFO becomes DEBUG; warnings and errors stay.
 */
final class PdfLog implements XRLogger {

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    Logger log = LoggerFactory.getLogger(where);
    if (level.intValue() >= Level.SEVERE.intValue()) {
      log.error(message, error);
    } else if (level.intValue() >= Level.WARNING.intValue()) {
      log.warn(message, error);
    } else {
      log.debug(message, error);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // Levels are the application's logging configuration's.
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || LoggerFactory.getLogger("com.openhtmltopdf").isDebugEnabled();
  }
}
