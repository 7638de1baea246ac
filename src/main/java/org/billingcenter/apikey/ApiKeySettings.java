package org.billingcenter.apikey;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing-center.api-keys.*}: {@code cache-ttl} is how long a node trusts a key it looked
 * up (2 s: a key revoked on another node is refused here at most that long after); {@code
 * last-use-flush} how often the last uses seen are written (10 s, and at shutdown);
 * {@code max-lifetime} the latest expiry a new key may have (730 days).
 */
@Validated
@ConfigurationProperties("billing-center.api-keys")
public record ApiKeySettings(
    @DefaultValue("2s") @NotNull Duration cacheTtl,
    @DefaultValue("10s") @NotNull Duration lastUseFlush,
    @DefaultValue("730d") @NotNull Duration maxLifetime) {}
