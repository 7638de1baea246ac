package org.billingcenter.subscription.api;

import java.time.LocalDate;
import org.billingcenter.api.MoneyView;
import org.billingcenter.subscription.TrialPolicy.Conversion;
import org.billingcenter.subscription.TrialPolicy.NoConversion;
import org.jspecify.annotations.Nullable;

/**
 * What a trial's end will do {@code on} its end date: convert to paid with {@code quantity} licenses
 * and charge {@code firstCharge} for the first period ({@code quantitySetByAdmin}: the admin's number,
 * else the licenses assigned then, at least one), or end with nothing charged and the {@code reason}.
 */
record ConversionView(
    boolean willConvert,
    LocalDate on,
    @Nullable Integer quantity,
    @Nullable MoneyView firstCharge,
    @Nullable Boolean quantitySetByAdmin,
    @Nullable NoConversion reason) {

  static ConversionView of(Conversion c) {
    return c.willConvert()
        ? new ConversionView(true, c.on(), c.quantity(), MoneyView.of(c.firstCharge()), c.quantitySetByAdmin(), null)
        : new ConversionView(false, c.on(), null, null, null, c.reason());
  }
}
