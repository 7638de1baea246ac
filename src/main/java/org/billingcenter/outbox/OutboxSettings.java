package org.billingcenter.outbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dispatcher's settings, {@code billing-center.outbox.*} (README, "Outbox"): whether this node
 * dispatches at all, how often it looks for work when nobody woke it, how soon after its last round
 * a commit may wake it again ({@code wake-up-gap}: under load the events of many commits share one
 * round instead of a round each), how many events it fans out
 * and how many deliveries it claims per transaction, how many it sends at once, and the retry
 * schedule; and how long finished deliveries and their events are kept ({@code purge-after}; 0, the
 * default, keeps them forever).
 */
@Validated
@ConfigurationProperties("billing-center.outbox")
public record OutboxSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("50ms") Duration wakeUpGap,
    @DefaultValue("500") @Min(1) int fanOutBatch,
    @DefaultValue("100") @Min(1) int sendBatch,
    @DefaultValue("8") @Min(1) int sendConcurrency,
    @DefaultValue @Valid Retry retry,
    @DefaultValue("0d") Duration purgeAfter) {

  /** See {@link RetryPolicy}. */
  public record Retry(
      @DefaultValue("5s") Duration firstDelay,
      @DefaultValue("3") @DecimalMin("1.0") double multiplier,
      @DefaultValue("10h") Duration maxDelay,
      @DefaultValue("3d") Duration giveUpAfter,
      @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) double jitter) {}
}
