package org.billingcenter.billingprofile;

import java.util.List;
import org.billingcenter.shared.Rejected;

/**
 * A profile that broke one or more rules: the first one is the problem's code; all of them, each
 * with its field, are there for a form to show beside their fields.
 */
public class InvalidBillingProfile extends Rejected {

  private final transient List<BillingProfileRules.Violation> violations;

  InvalidBillingProfile(List<BillingProfileRules.Violation> violations) {
    super(violations.get(0).reason(), violations.get(0).arguments().toArray());
    this.violations = List.copyOf(violations);
    with("field", violations.get(0).field());
  }

  public List<BillingProfileRules.Violation> violations() {
    return violations;
  }
}
