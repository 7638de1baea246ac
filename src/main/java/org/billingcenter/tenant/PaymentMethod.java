package org.billingcenter.tenant;

import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A reference to a payment instrument held by a payment provider: a token, never a card number.
 * Issue 18: the name on the card, when the organisation gave one.
 */
public record PaymentMethod(
    TenantId tenant,
    PaymentMethodId id,
    String token,
    String brand,
    String last4,
    int expiryMonth,
    int expiryYear,
    @Nullable String holderName) {}
