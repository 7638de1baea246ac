package org.billingcenter.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.billingcenter.billing.Proration;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Message;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.jspecify.annotations.Nullable;

/**
 * Exactly what a quantity change does: the GET shows it, the POST carries it out and answers the
 * same record, so a test can compare them field by field.
 *
 * @param refusal the refusal, null when allowed
 * @param when null when refused
 * @param effectiveOn today (NOW) or the renewal day (AT_RENEWAL); null when refused
 * @param amount the prorated charge or credit, never negative; zero at renewal or when refused
 * @param chargedOn the organisation's invoice that carries {@code amount}; null without money
 * @param unitPrice the unit price billed for the current period (what the proration uses)
 * @param licensesToUnassign for LICENSES_IN_USE: how many to unassign first
 * @param maximum the plan's maximum quantity, if it has one
 * @param arguments the values the refusal's message needs; empty when allowed
 */
public record QuantityChangePreview(
    SubscriptionId subscription,
    @Nullable QuantityChangeRefusal refusal,
    int quantityBefore,
    int quantityAfter,
    int assigned,
    @Nullable QuantityChangeWhen when,
    @Nullable LocalDate effectiveOn,
    Direction direction,
    Money amount,
    @Nullable LocalDate chargedOn,
    Money unitPrice,
    @Nullable Integer licensesToUnassign,
    @Nullable Integer maximum,
    List<Object> arguments) {

  /** Which way the money goes: none for a scheduled change, a refusal or a zero amount. */
  public enum Direction {
    CHARGE,
    CREDIT,
    NONE
  }

  /**
   * The preview of {@code decision}: a change now costs (or returns) the unit price billed × the
   * licenses added (or removed) × the period's remaining days ÷ its days, on {@code invoiceOn}.
   */
  public static QuantityChangePreview of(
      SubscriptionId id, QuantityChangeDecision decision, Money unitPrice, @Nullable BillingPeriod period,
      LocalDate today, @Nullable LocalDate invoiceOn) {
    Money amount = Money.zero(unitPrice.currency());
    if (decision.allowed() && decision.when() == QuantityChangeWhen.NOW) {
      amount = Proration.forRemainingDays(unitPrice, Math.abs(decision.delta()), period, today);
    }
    Direction direction =
        !amount.isPositive() ? Direction.NONE : decision.addition() ? Direction.CHARGE : Direction.CREDIT;
    boolean inUse = decision.refusal().filter(QuantityChangeRefusal.LICENSES_IN_USE::equals).isPresent();
    return new QuantityChangePreview(
        id, decision.refusal().orElse(null), decision.from(), decision.to(), decision.assigned(),
        decision.when(), decision.effectiveOn(), direction, amount,
        direction == Direction.NONE ? null : invoiceOn, unitPrice,
        inUse ? decision.licensesToUnassign() : null, decision.maximum(), decision.arguments());
  }

  public boolean allowed() {
    return refusal == null;
  }

  /** More licenses than before (buying) rather than fewer (removing). */
  public boolean addition() {
    return quantityAfter > quantityBefore;
  }

  /** How many licenses are bought or removed. */
  public int licenses() {
    return Math.abs(quantityAfter - quantityBefore);
  }

  /**
   * The preview as one sentence, with the values it needs: the API's {@code message} and the pages
   * say the same thing. A refusal says its reason's message.
   */
  public Message message() {
    if (!allowed()) {
      return new Message("error." + refusal.code().toLowerCase(Locale.ROOT), arguments);
    }
    String key = "licensing.quantity.outcome." + (addition() ? "buy" : "remove");
    if (when == QuantityChangeWhen.AT_RENEWAL) {
      return Message.of(key + "_at_renewal", licenses(), effectiveOn, quantityAfter);
    }
    return direction == Direction.NONE
        ? Message.of(key + "_now_free", licenses(), quantityAfter)
        : Message.of(key + "_now", licenses(), amount, chargedOn, quantityAfter);
  }
}
