package org.billingcenter.organisation;

import org.billingcenter.shared.Reason;

/** Why an organisations-console request was refused; {@code error.<code>} in the bundles. */
public enum OrganisationReason implements Reason {
  ORGANISATION_NOT_FOUND(Kind.NOT_FOUND),
  ORGANISATION_ALREADY_SUSPENDED(Kind.CONFLICT),
  ORGANISATION_NOT_SUSPENDED(Kind.CONFLICT),
  /** The search text or sort order is not one the list understands. */
  ORGANISATION_SEARCH_INVALID(Kind.INVALID),
  /** Not a country ISO 3166 knows. */
  ORGANISATION_COUNTRY_UNKNOWN(Kind.INVALID),
  /** Said to a person whose password was right but whose organisation is suspended. */
  ORGANISATION_SUSPENDED(Kind.FORBIDDEN);

  private final Kind kind;

  OrganisationReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
