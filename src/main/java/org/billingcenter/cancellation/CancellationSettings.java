package org.billingcenter.cancellation;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing-center.cancellation.license-threshold}: online cancellation needs fewer assigned
 * licenses than this (default 25).
 */
@Validated
@ConfigurationProperties("billing-center.cancellation")
public record CancellationSettings(@DefaultValue("25") @Min(1) int licenseThreshold) {}
