package org.billingcenter.cancellation;

import org.billingcenter.shared.RefundWindow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The refund window setting as a shared value: the support console shows each callback request's
 * standing without depending on cancellation (which depends on support).
 */
@Configuration(proxyBeanMethods = false)
class RefundWindowConfiguration {

  @Bean
  RefundWindow refundWindow(CancellationSettings settings) {
    return settings.refundWindow();
  }
}
