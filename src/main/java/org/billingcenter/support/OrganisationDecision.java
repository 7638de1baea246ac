package org.billingcenter.support;

/**
 * What the cancel page told the organisation, as the queue shows it: cancel online, or remove
 * {@code licensesToRemove} assigned licenses first (or call us). The same threshold rule as the
 * cancellation policy ({@code billing-center.cancellation.license-threshold}), restated here because
 * support may not depend on cancellation, which depends on support.
 */
public record OrganisationDecision(Kind kind, int licensesToRemove) {

  public enum Kind {
    CANCEL_ONLINE,
    REMOVE_OR_CALL
  }

  public static OrganisationDecision of(int assigned, int threshold) {
    return assigned >= threshold
        ? new OrganisationDecision(Kind.REMOVE_OR_CALL, assigned - (threshold - 1))
        : new OrganisationDecision(Kind.CANCEL_ONLINE, 0);
  }
}
