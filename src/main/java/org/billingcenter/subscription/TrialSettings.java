package org.billingcenter.subscription;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a trial may be extended: once, by {@code billing-center.trials.extension-days} (default 30),
 * and only within its last {@code billing-center.trials.extension-window-days} (default 15).
 */
@Validated
@ConfigurationProperties("billing-center.trials")
public record TrialSettings(
    @DefaultValue("30") @Min(1) int extensionDays, @DefaultValue("15") @Min(0) int extensionWindowDays) {}
