package org.billingcenter.notification;

import java.util.Locale;

/** One mail in one language, ready to send: its subject, plain-text and HTML parts. */
record RenderedMail(MailKind kind, Locale locale, String subject, String text, String html) {}
