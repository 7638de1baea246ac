package org.billingcenter.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.billingcenter.shared.Limits;

/**
 * A price change as the operator asks for it, on the page and in the API alike: a unit price in the
 * plan's currency (minor units) and the date purchases start paying it.
 */
public record NewPrice(
    @NotNull @Min(0) @Max(Limits.MAX_UNIT_PRICE_MINOR) Long unitPriceMinor, @NotNull LocalDate effectiveFrom) {}
