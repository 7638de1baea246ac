package org.billingcenter.support;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * A request to be called back about a subscription; {@code phone} is E.164. {@code requestedBy} is
 * the account that asked (null only for a request whose asker is unknown).
 */
public record CallbackRequest(
    TenantId tenant,
    UUID id,
    SubscriptionId subscription,
    String contactName,
    String phone,
    String language,
    String preferredTimeWindow,
    CallbackStatus status,
    String engineer,
    String notes,
    Instant createdAt,
    Instant updatedAt,
    String requestedBy) {

  /** How many characters of the id the short reference keeps: what people read out on the phone. */
  static final int REFERENCE_LENGTH = 8;

  /** The short reference the organisation and the engineer quote: the id's first characters, upper case. */
  public String reference() {
    return id.toString().substring(0, REFERENCE_LENGTH).toUpperCase(Locale.ROOT);
  }
}
