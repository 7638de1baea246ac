package org.billingcenter.subscription;

import java.time.LocalDate;
import java.util.Optional;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;

/**
 * The rules of a trial the customer controls, as pure functions of its facts and the day. A trial
 * converts at its end only with conversion on and a payment method; it then has as many licenses as
 * are assigned that day (at least one) or the number the admin chose, never its free allowance.
 */
public final class TrialPolicy {

  /** Why a trial will not convert. */
  public enum NoConversion {
    CONVERSION_OFF,
    NO_PAYMENT_METHOD
  }

  /** Why an extension is refused: too early (it opens {@code opensOn}) or taken already. */
  public enum ExtensionRefusal {
    TOO_EARLY,
    ALREADY_EXTENDED
  }

  /** What a trial's facts are today. {@code conversionQuantity} is the admin's choice, null if none. */
  public record TrialFacts(
      LocalDate trialEnd, boolean conversionOn, boolean hasPaymentMethod, int assigned, Integer conversionQuantity,
      boolean extended) {}

  /**
   * What the trial's end will do on {@code on}: convert with {@code quantity} licenses, charging
   * {@code firstCharge} for the first period that day, or end with nothing charged ({@code reason}).
   */
  public record Conversion(
      boolean willConvert, LocalDate on, int quantity, Money firstCharge, boolean quantitySetByAdmin,
      NoConversion reason) {}

  /** Whether the trial may be extended today by {@code days}, until when, or why not (and from when). */
  public record Extension(boolean allowed, ExtensionRefusal refusal, LocalDate opensOn, LocalDate newEnd, int days) {}

  private TrialPolicy() {}

  public static Conversion conversion(TrialFacts trial, Money unitPrice) {
    if (!trial.conversionOn()) {
      return new Conversion(false, trial.trialEnd(), 0, null, false, NoConversion.CONVERSION_OFF);
    }
    if (!trial.hasPaymentMethod()) {
      return new Conversion(false, trial.trialEnd(), 0, null, false, NoConversion.NO_PAYMENT_METHOD);
    }
    int quantity = conversionQuantity(trial.conversionQuantity(), trial.assigned());
    return new Conversion(true, trial.trialEnd(), quantity, firstCharge(unitPrice, quantity),
        trial.conversionQuantity() != null && quantity == trial.conversionQuantity(), null);
  }

  /**
   * The licenses a conversion buys: the admin's number, but never fewer than are assigned (so no
   * assignment is lost) and at least one. The lifecycle's SQL says the same as
   * {@code greatest(coalesce(conversion_quantity, 0), assigned, 1)}.
   */
  public static int conversionQuantity(Integer chosen, int assigned) {
    return Math.max(Math.max(chosen == null ? 0 : chosen, assigned), 1);
  }

  /** The first period's charge: the unit price times the licenses, rounded once. */
  public static Money firstCharge(Money unitPrice, int quantity) {
    return unitPrice.multiplyAndRound(quantity, 1);
  }

  /** Once, and only within the trial's last {@code windowDays} days (the end day counts as 0). */
  public static Extension extension(TrialFacts trial, LocalDate today, TrialSettings settings) {
    LocalDate opensOn = trial.trialEnd().minusDays(settings.extensionWindowDays());
    LocalDate newEnd = trial.trialEnd().plusDays(settings.extensionDays());
    if (trial.extended()) {
      return new Extension(false, ExtensionRefusal.ALREADY_EXTENDED, opensOn, newEnd, settings.extensionDays());
    }
    if (today.isBefore(opensOn)) {
      return new Extension(false, ExtensionRefusal.TOO_EARLY, opensOn, newEnd, settings.extensionDays());
    }
    return new Extension(true, null, opensOn, newEnd, settings.extensionDays());
  }

  /**
   * A quantity the admin asks for (for the conversion or to buy now) may not leave an assigned
   * license without a seat, nor exceed the plan's or the service's maximum.
   */
  public static Optional<Rejected> refusedQuantity(int quantity, int assigned, Integer planMaximum) {
    int maximum = planMaximum == null ? Limits.MAX_QUANTITY : Math.min(planMaximum, Limits.MAX_QUANTITY);
    if (quantity < 1 || quantity > maximum) {
      return Optional.of(new Rejected(SubscriptionReason.QUANTITY_OUT_OF_RANGE, Math.max(1, assigned), maximum));
    }
    if (quantity < assigned) {
      return Optional.of(new Rejected(TrialReason.QUANTITY_BELOW_ASSIGNED, assigned));
    }
    return Optional.empty();
  }
}
