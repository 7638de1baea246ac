package org.billingcenter.payment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator's dunning settings: {@code billing-center.payments.retry-days} (days after an
 * invoice's due date on which a declined invoice is tried again, default 1,3,5,7,14,21,30).
 */
@Validated
@ConfigurationProperties("billing-center.payments")
public record PaymentSettings(@DefaultValue({"1", "3", "5", "7", "14", "21", "30"}) List<Integer> retryDays) {

  public DunningSchedule schedule() {
    return new DunningSchedule(retryDays);
  }
}
