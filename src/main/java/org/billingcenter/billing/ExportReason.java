package org.billingcenter.billing;

import org.billingcenter.shared.Reason;

/** Why an export was refused; each code has the message {@code error.<code>} in the six bundles. */
public enum ExportReason implements Reason {
  /** {@code from} or {@code to} is missing. */
  EXPORT_DATES_REQUIRED,
  /** A date is not an ISO date (yyyy-MM-dd). */
  EXPORT_DATE_INVALID,
  /** {@code from} is after {@code to}. */
  EXPORT_RANGE_REVERSED,
  /** More days than the setting allows (366 by default): one export stays a bounded stream. */
  EXPORT_RANGE_TOO_LONG;

  @Override
  public Kind kind() {
    return Kind.INVALID;
  }
}
