package org.billingcenter.outbox;

import java.util.UUID;
import org.billingcenter.shared.TenantId;

/**
 * One event on its way to one target over one channel; {@code attempts} counts the tries made
 * before this one. The tenant is the event's.
 */
public record Delivery(TenantId tenant, UUID deliveryId, UUID eventId, Channel channel, String target, int attempts) {}
