package org.billingcenter.apikey;

import org.billingcenter.shared.Reason;

/** Why an API key command was refused. */
public enum ApiKeyReason implements Reason {
  API_KEY_NOT_FOUND(Kind.NOT_FOUND),
  /** Blank, longer than 100 characters, or with control characters. */
  API_KEY_NAME_INVALID(Kind.INVALID),
  /** A role this owner's keys cannot have (an organisation's: its four roles; the operator's: OPERATOR, SUPPORT_ENGINEER). */
  API_KEY_ROLE_NOT_ALLOWED(Kind.INVALID),
  API_KEY_EXPIRY_NOT_IN_FUTURE(Kind.INVALID),
  /** Later than the longest lifetime (billing-center.api-keys.max-lifetime, two years by default). */
  API_KEY_EXPIRY_TOO_FAR(Kind.INVALID);

  private final Kind kind;

  ApiKeyReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
