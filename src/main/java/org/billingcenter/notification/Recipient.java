package org.billingcenter.notification;

import java.time.Instant;
import java.util.UUID;
import org.billingcenter.shared.TenantId;

/** An address a Billing or Global admin added; it gets the organisation's mails in its language. */
public record Recipient(TenantId tenant, UUID id, String email, String addedBy, Instant addedAt) {}
