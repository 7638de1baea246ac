package org.billingcenter.cancellation;

import jakarta.validation.constraints.Min;
import org.billingcenter.shared.RefundWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing-center.cancellation.license-threshold}: online cancellation needs fewer assigned
 * licenses than this (default 25). {@code billing-center.cancellation.refund-window-days}: a
 * cancellation returns a prorated credit only within this many days of the period's start (unless
 * a callback was asked for within them); unset (the default) means always.
 */
@Validated
@ConfigurationProperties("billing-center.cancellation")
public record CancellationSettings(@DefaultValue("25") @Min(1) int licenseThreshold, @Min(0) Integer refundWindowDays) {

  public RefundWindow refundWindow() {
    return new RefundWindow(refundWindowDays);
  }
}
