package org.billingcenter.webhook;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing-center.webhooks.*}: {@code allow-private-targets} lets endpoints use http and
 * private or loopback addresses (development and tests only; default false);
 * {@code rotation-overlap} is how long the previous secret still signs after a rotation (24 h);
 * {@code disable-after} is how long an endpoint may fail before it is turned off (5 days).
 */
@Validated
@ConfigurationProperties("billing-center.webhooks")
public record WebhookSettings(
    @DefaultValue("false") boolean allowPrivateTargets,
    @DefaultValue("24h") @NotNull Duration rotationOverlap,
    @DefaultValue("5d") @NotNull Duration disableAfter) {}
