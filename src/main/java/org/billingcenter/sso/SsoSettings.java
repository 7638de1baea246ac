package org.billingcenter.sso;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing-center.sso.*}: {@code allow-loopback-http} lets an issuer be http on a loopback
 * address (tests and development only; default false: https on a public address);
 * {@code enforce-mandatory} (default true) set to false suspends every organisation's mandatory
 * single sign-on at once, the operator's way back when a provider is broken;
 * {@code discovery-ttl} is how long a provider's discovery document is kept (1 h).
 */
@Validated
@ConfigurationProperties("billing-center.sso")
public record SsoSettings(
    @DefaultValue("false") boolean allowLoopbackHttp,
    @DefaultValue("true") boolean enforceMandatory,
    @DefaultValue("1h") @NotNull Duration discoveryTtl) {}
