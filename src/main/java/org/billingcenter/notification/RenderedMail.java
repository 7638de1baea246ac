package org.billingcenter.notification;

import java.util.Locale;

/** One mail in one language, ready to send: its subject, plain-text and HTML parts. */
record RenderedMail(MailKind kind, Locale locale, String subject, String text, String html) {

  /** What the sent mails keep of a mail with a single-use link: the same mail, the token replaced. */
  static final String REDACTED = "[redacted]";

  RenderedMail redacted(String secret) {
    return new RenderedMail(kind, locale, subject.replace(secret, REDACTED), text.replace(secret, REDACTED),
        html.replace(secret, REDACTED));
  }
}
