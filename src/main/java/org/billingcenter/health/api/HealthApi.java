package org.billingcenter.health.api;

import io.swagger.v3.oas.annotations.Operation;
import org.billingcenter.health.HealthReport;
import org.billingcenter.health.ServiceHealth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's health numbers: the same values as the {@code billing_center_*} series of {@code
 * /actuator/prometheus}. Timestamps are absent for "never"; the numbers are at most a few seconds old.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class HealthApi {

  private final ServiceHealth health;

  HealthApi(ServiceHealth health) {
    this.health = health;
  }

  @Operation(summary = "Pending and failed deliveries, the callback queue, database and scheduler status.")
  @GetMapping("/api/v1/operator/health")
  HealthReport health() {
    return health.report();
  }
}
