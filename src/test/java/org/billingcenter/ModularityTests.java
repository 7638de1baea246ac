package org.billingcenter;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build on a module cycle or a reach into another module's internals. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(BillingCenterApplication.class);

  @Test
  void modules_have_no_cycles_and_use_only_each_others_api() {
    MODULES.verify();
  }
}
