package org.billingcenter.subscription;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long an ended subscription lingers: {@code billing-center.lifecycle.expired-days} (EXPIRED →
 * DISABLED, default 30) and {@code billing-center.lifecycle.disabled-days} (DISABLED → DELETED,
 * default 90).
 */
@Validated
@ConfigurationProperties("billing-center.lifecycle")
public record LifecycleSettings(
    @DefaultValue("30") @Min(0) int expiredDays, @DefaultValue("90") @Min(0) int disabledDays) {}
