package org.billingcenter.support;

import org.billingcenter.shared.LicenseThreshold;

/**
 * What the cancel page told the organisation, as the queue shows it: cancel online, or remove
 * {@code licensesToRemove} assigned licenses first (or call us), by the threshold rule the cancellation
 * policy uses ({@link LicenseThreshold}; the setting {@code billing-center.cancellation.license-threshold}).
 */
public record OrganisationDecision(Kind kind, int licensesToRemove) {

  public enum Kind {
    CANCEL_ONLINE,
    REMOVE_OR_CALL
  }

  public static OrganisationDecision of(int assigned, int threshold) {
    return LicenseThreshold.allowsOnline(assigned, threshold)
        ? new OrganisationDecision(Kind.CANCEL_ONLINE, 0)
        : new OrganisationDecision(Kind.REMOVE_OR_CALL, LicenseThreshold.licensesToRemove(assigned, threshold));
  }
}
