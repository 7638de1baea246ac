package org.billingcenter.notification;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.shared.TenantId;

/**
 * One mail as it was sent (or tried: FAILED with the SMTP server's answer in {@code detail}); the
 * bodies are those of the message, kept so the operator can read it back.
 */
public record SentEmail(
    TenantId tenant, UUID id, UUID deliveryId, MailKind kind, String recipient, Locale locale, String subject,
    String text, String html, Status status, String detail, Instant sentAt) {

  public enum Status {
    SENT,
    FAILED
  }
}
