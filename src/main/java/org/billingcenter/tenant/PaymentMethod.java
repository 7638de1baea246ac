package org.billingcenter.tenant;

import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;

/** A reference to a payment instrument held by a payment provider: a token, never a card number. */
public record PaymentMethod(
    TenantId tenant,
    PaymentMethodId id,
    String token,
    String brand,
    String last4,
    int expiryMonth,
    int expiryYear) {}
