package org.billingcenter.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;

/**
 * An invoice (or a credit note) of one tenant for one date, with its lines: CHARGE for a
 * subscription-period, CREDIT for a returned credit (negative), REFUND for what was paid back,
 * ADJUSTMENT for a change's prorated charge. {@code description} tells prorated lines apart:
 * PRORATED_CHARGE (an ADJUSTMENT) and PRORATED_CREDIT (a CREDIT), whose quantity and unit price
 * are the terms after the change; null on other lines.
 */
public record Invoice(TenantId tenant, UUID id, LocalDate date, String kind, Money total, List<Line> lines) {

  public record Line(
      int lineNo, String kind, UUID subscription, LocalDate periodStart, LocalDate periodEnd,
      Integer quantity, Money unitPrice, Money amount, String description) {}

  /** Money paid back to the payment method, pending settlement until the provider confirms. */
  public record RefundView(UUID id, UUID invoice, UUID credit, Money amount, String status) {}
}
