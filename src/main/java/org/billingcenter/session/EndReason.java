package org.billingcenter.session;

/** Why a session's row was ended: kept on the row and said in the audit trail. */
public enum EndReason {
  /** The person signed out (/logout). */
  SIGNED_OUT,
  /** The person ended one of his own other sessions, or all of them. */
  ENDED_BY_OWNER,
  /** A Global admin (or the operator, for operator-side accounts) ended it. */
  ENDED_BY_ADMIN,
  /** The account's roles changed, it was removed, or its password was changed. */
  ACCESS_CHANGED,
  /** The container let it expire (idle), or a new sign-in replaced it in the same browser. */
  EXPIRED
}
