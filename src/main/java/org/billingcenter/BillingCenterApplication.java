package org.billingcenter;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/** Billing Center: subscription administration and billing for many organisations. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@Modulithic(sharedModules = "shared")
public class BillingCenterApplication {

  public static void main(String[] args) {
    SpringApplication.run(BillingCenterApplication.class, args);
  }

  /** The one clock: tests replace it to move time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
