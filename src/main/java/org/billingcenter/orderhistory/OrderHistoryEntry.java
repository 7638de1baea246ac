package org.billingcenter.orderhistory;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * One line of the order history: when (in the organisation's time zone), what, on which subscription
 * and product, who did it (and whether a support engineer did it on the organisation's behalf), and
 * the charge or credit that resulted, where there is one.
 */
public record OrderHistoryEntry(
    UUID id,
    OffsetDateTime at,
    OrderHistoryType type,
    boolean scheduled,
    @Nullable UUID subscription,
    @Nullable String productName,
    String actor,
    boolean assisted,
    @Nullable Money charge,
    @Nullable Money credit) {}
