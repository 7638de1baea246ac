package org.billingcenter.billingprofile;

import org.billingcenter.shared.Reason;

/** Why a billing profile was refused; the message is {@code error.<code in lower case>}. */
public enum BillingProfileReason implements Reason {
  /** Blank or longer than 200 characters. */
  BILLING_PROFILE_LEGAL_NAME_INVALID,
  /** Longer than the field allows (argument: the maximum). */
  BILLING_PROFILE_FIELD_TOO_LONG,
  /** A control character (a line break in a one-line field, a tab, NUL) or a broken character. */
  BILLING_PROFILE_FIELD_CONTROL_CHARACTERS,
  /** Part of an address without its first line. */
  BILLING_PROFILE_ADDRESS_LINE1_REQUIRED,
  BILLING_PROFILE_POSTAL_CODE_REQUIRED,
  BILLING_PROFILE_CITY_REQUIRED,
  /** Not one of the six languages (argument: the list). */
  BILLING_PROFILE_LANGUAGE_UNSUPPORTED,
  /** An EU VAT number without the organisation's country prefix (argument: the prefix). */
  BILLING_PROFILE_TAX_ID_COUNTRY,
  /** Not the country's VAT number format (argument: the prefix). */
  BILLING_PROFILE_TAX_ID_FORMAT,
  /** The country's format, but its check digits are wrong. */
  BILLING_PROFILE_TAX_ID_CHECKSUM,
  /** Outside the EU: more than 40 characters, or others than letters, digits, space and - . / */
  BILLING_PROFILE_TAX_ID_INVALID;

  @Override
  public Kind kind() {
    return Kind.INVALID;
  }
}
