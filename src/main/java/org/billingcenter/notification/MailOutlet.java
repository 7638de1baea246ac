package org.billingcenter.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Where mails leave: the SMTP server of {@code spring.mail.*} when {@code spring.mail.host} is set;
 * else, with the embedded H2 database (the zero-setup default), an embedded GreenMail SMTP server
 * started with the service, so a new user sees real mails on the Sent e-mails page; else (PostgreSQL,
 * no SMTP server) nowhere: sending is off, said once in the log at start.
 */
@Component
class MailOutlet implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(MailOutlet.class);

  enum Mode { SMTP, EMBEDDED, OFF }

  private final Mode mode;
  private final JavaMailSender sender;
  private final GreenMail embedded;
  private final String from;

  MailOutlet(ObjectProvider<JavaMailSender> configured,
      @Value("${spring.mail.host:}") String host,
      @Value("${spring.datasource.url:}") String database,
      @Value("${billing-center.mail.embedded-port:3025}") int embeddedPort,
      @Value("${billing-center.mail.from:Billing Center <billing@billing-center.example>}") String from) {
    this.from = from;
    if (!host.isBlank()) {
      mode = Mode.SMTP;
      sender = configured.getObject();
      embedded = null;
      log.info("E-mail notifications go to the SMTP server {} (spring.mail.*)", host);
    } else if (database.startsWith("jdbc:h2:")) {
      ServerSetup setup = new ServerSetup(embeddedPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
      GreenMail server = new GreenMail(embeddedPort == 0 ? setup.dynamicPort() : setup);
      JavaMailSenderImpl local = null;
      try {
        server.start();
        local = new JavaMailSenderImpl();
        local.setHost("127.0.0.1");
        local.setPort(server.getSmtp().getPort());
        local.setDefaultEncoding(StandardCharsets.UTF_8.name());
        log.info("E-mail notifications go to the embedded SMTP server on 127.0.0.1:{} (no spring.mail.host set);"
            + " operators read them on /operator/sent-emails", server.getSmtp().getPort());
      } catch (RuntimeException portTaken) {
        // The service still starts: mails are the only thing that cannot leave.
        log.warn("E-mail notifications are off: the embedded SMTP server cannot start on port {} ({});"
            + " set billing-center.mail.embedded-port or spring.mail.host", embeddedPort, portTaken.getMessage());
      }
      mode = local == null ? Mode.OFF : Mode.EMBEDDED;
      sender = local;
      embedded = local == null ? null : server;
    } else {
      mode = Mode.OFF;
      sender = null;
      embedded = null;
      log.warn("E-mail notifications are off: set spring.mail.host (and spring.mail.*) to send them");
    }
  }

  Mode mode() {
    return mode;
  }

  boolean sending() {
    return mode != Mode.OFF;
  }

  /** Empty when the server took it; else why not and whether trying again could help. */
  Optional<Refusal> send(String to, RenderedMail mail) {
    return send(to, mail, null);
  }

  /** Issue 16 (pdf): with a file attached (an invoice's PDF), when {@code attachment} is not null. */
  Optional<Refusal> send(String to, RenderedMail mail, org.billingcenter.document.DocumentPdf attachment) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      if (attachment != null) { // Issue 16 (pdf)
        helper.addAttachment(attachment.filename(), new org.springframework.core.io.ByteArrayResource(attachment.bytes()),
            org.billingcenter.document.DocumentPdf.MEDIA_TYPE);
      }
      message.setHeader("Content-Language", mail.locale().toLanguageTag());
      sender.send(message);
      if (embedded != null) {
        // The Sent e-mails page reads the kept copy; the embedded server need not hold every mail in memory.
        embedded.purgeEmailFromAllMailboxes();
      }
      return Optional.empty();
    } catch (MailException | MessagingException e) {
      return Optional.of(refusal(e));
    } catch (com.icegreen.greenmail.store.FolderException e) {
      return Optional.empty(); // sent; only the purge failed
    }
  }

  /** A permanent (5xx) refusal of the address, or an address that is not one, cannot get better. */
  static Refusal refusal(Exception e) {
    java.util.List<Throwable> roots = new java.util.ArrayList<>(java.util.List.of(e));
    if (e instanceof MailSendException send) {
      roots.addAll(java.util.List.of(send.getMessageExceptions()));
    }
    for (Throwable root : roots) {
      for (Throwable t = root; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof SMTPAddressFailedException failed) {
          return new Refusal(failed.getReturnCode() >= 500, failed.getReturnCode(), failed.getMessage());
        }
        if (t instanceof AddressException bad) {
          return new Refusal(true, null, bad.getMessage());
        }
      }
    }
    return new Refusal(false, null, String.valueOf(e.getMessage()));
  }

  /** Why the server did not take a mail; {@code code}: its SMTP reply code when it gave one. */
  record Refusal(boolean permanent, Integer code, String detail) {}

  @Override
  public void destroy() {
    if (embedded != null) {
      embedded.stop();
    }
  }
}
