package org.billingcenter.support.api;

import java.time.Instant;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackStatus;
import org.jspecify.annotations.Nullable;

/**
 * A callback request as JSON, for the organisation and for the support queue alike; {@code
 * reference} is the short one both quote on the phone.
 */
record CallbackView(
    String id,
    String reference,
    String tenantId,
    String subscriptionId,
    String contactName,
    String phone,
    String language,
    String preferredTimeWindow,
    CallbackStatus status,
    @Nullable String requestedBy,
    @Nullable String engineer,
    @Nullable String notes,
    Instant createdAt,
    Instant updatedAt) {

  static CallbackView of(CallbackRequest r) {
    return new CallbackView(r.id().toString(), r.reference(), r.tenant().toString(), r.subscription().toString(),
        r.contactName(), r.phone(), r.language(), r.preferredTimeWindow(), r.status(), r.requestedBy(),
        r.engineer(), r.notes(), r.createdAt(), r.updatedAt());
  }
}
