package org.billingcenter.health.web;

import org.billingcenter.health.ServiceHealth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Service health at a glance: the numbers {@code /actuator/prometheus} exports, read from the registry. */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class HealthPages {

  private final ServiceHealth health;

  HealthPages(ServiceHealth health) {
    this.health = health;
  }

  @GetMapping("/operator/health")
  String page(Model model) {
    model.addAttribute("health", health.report());
    return "health/health";
  }
}
