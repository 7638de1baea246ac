package org.billingcenter.licensing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing-center.licensing.reduction-window-days}: licenses bought within this many days
 * (of the purchase, the last renewal or their own addition) may be removed at once, with a
 * prorated credit (default 7).
 */
@Validated
@ConfigurationProperties("billing-center.licensing")
public record QuantityChangeSettings(@DefaultValue("7") @Min(0) @Max(366) int reductionWindowDays) {}
