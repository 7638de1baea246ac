package org.billingcenter.payment;

import org.billingcenter.shared.Reason;

/** Why a request of the operator's receivables view was refused; {@code error.<code>} in the bundles. */
public enum ReceivablesReason implements Reason {
  /** The search text is not part of a name the list can look for. */
  RECEIVABLES_SEARCH_INVALID,
  /** The number of months is not a whole number from 1 to {@link Receivables#MAX_MONTHS}. */
  RECEIVABLES_MONTHS_INVALID;

  @Override
  public Kind kind() {
    return Kind.INVALID;
  }
}
