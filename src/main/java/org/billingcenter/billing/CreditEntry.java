package org.billingcenter.billing;

import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A credit as the credits list and the exports show it: the subscription and product it came from,
 * the event that caused it, where it stands, and the invoice or credit note that returned it (with
 * what of it was refunded), once its billing run has.
 */
public record CreditEntry(
    UUID id,
    UUID subscription,
    @Nullable String productName,
    InvoiceDocument.@Nullable Source source,
    Money amount,
    Credit.Status status,
    LocalDate createdOn,
    LocalDate returnOn,
    @Nullable UUID returnedBy,
    @Nullable String returnedByNumber,
    InvoiceDocument.@Nullable Kind returnedByKind,
    @Nullable Money refunded) {}
