package org.billingcenter.subscription;

import java.time.LocalDate;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.jspecify.annotations.Nullable;

/**
 * What reactivating an EXPIRED or DISABLED subscription does today, and what happens if nobody
 * does: the first period starts today and is charged in full on today's invoice ({@code quantity}
 * × the plan's unit price: a whole period, nothing to prorate); {@code assignedLicenses} licenses
 * are still assigned and their members get access back at once (a DISABLED subscription released
 * its assignments when it ended, so it usually has none). {@code disabledOn} (EXPIRED only) and
 * {@code deletedOn} are the lifecycle's next steps when it stays ended.
 */
public record ReactivationPreview(
    SubscriptionId subscription,
    SubscriptionStatus status,
    LocalDate since,
    int quantity,
    Money unitPrice,
    Money firstCharge,
    BillingPeriod firstPeriod,
    LocalDate invoicedOn,
    int assignedLicenses,
    @Nullable LocalDate disabledOn,
    @Nullable LocalDate deletedOn) {

  /** The first renewal, counted from today: the new anchor. */
  public LocalDate renewsOn() {
    return firstPeriod.endExclusive();
  }

  /**
   * The lifecycle's next steps for a subscription that ended ({@code status}) on {@code endedOn},
   * the UTC date its status changed, as the lifecycle job counts: an EXPIRED one turns DISABLED
   * after the expired days, a DISABLED one is deleted after the disabled days.
   */
  record NextSteps(@Nullable LocalDate disabledOn, LocalDate deletedOn) {

    static NextSteps of(SubscriptionStatus status, LocalDate endedOn, LifecycleSettings settings) {
      LocalDate disabledOn = status == SubscriptionStatus.EXPIRED ? endedOn.plusDays(settings.expiredDays()) : null;
      return new NextSteps(disabledOn, (disabledOn == null ? endedOn : disabledOn).plusDays(settings.disabledDays()));
    }
  }
}
