package org.billingcenter.billing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The thread a run started from the console runs on, one at a time per node: a second start while
 * one is in flight is refused rather than queued, so a double click cannot line up two runs. A
 * failed run is recorded in its history row; here it is only logged.
 */
@Component
class BackgroundRuns implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(BackgroundRuns.class);

  private final AtomicBoolean busy = new AtomicBoolean();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "billing-run");
    t.setDaemon(true);
    return t;
  });

  /** Takes the thread for a run; false while another one holds it. */
  boolean reserve() {
    return busy.compareAndSet(false, true);
  }

  void release() {
    busy.set(false);
  }

  /** Runs {@code run} on the reserved thread and releases it afterwards. */
  void run(Runnable run) {
    thread.execute(() -> {
      try {
        run.run();
      } catch (RuntimeException e) {
        log.error("Billing run started from the console stopped: {}", e.getMessage(), e);
      } finally {
        release();
      }
    });
  }

  @Override
  public void destroy() {
    thread.shutdownNow();
  }
}
