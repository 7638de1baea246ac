package org.billingcenter.tenant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * A member's name and e-mail address as the API's JSON body, the members page's form and each row
 * of a CSV import give them: the one set of constraints all three are checked against (and the
 * service again). Values arrive trimmed and the address in lower case, so what is checked is what
 * is stored, and "Kim@X" and "kim@x" are the same member.
 *
 * <p>The name is safe text: no control characters (a line break or NUL would break lists, CSV files
 * and the audit trail). 254 characters is the longest address SMTP
 * can deliver to (RFC 5321's path limit less the angle brackets).
 */
public record MemberDetails(
    @NotBlank @Size(max = MemberDetails.MAX_NAME) @Pattern(regexp = MemberDetails.SAFE_TEXT) String displayName,
    @NotBlank @Email @Size(max = MemberDetails.MAX_EMAIL) String email) {

  public static final int MAX_NAME = 200;
  public static final int MAX_EMAIL = 254;

  /**
   * Any characters but the control characters (Unicode category Cc), written with plain escapes so the
   * OpenAPI document's (ECMA 262) reading of the pattern is the same as Java's. A lone surrogate
   * cannot arrive: JSON bodies and form fields are refused before (SafeText) and the CSV import
   * decodes strict UTF-8, which cannot encode one.
   */
  public static final String SAFE_TEXT = "[^\\u0000-\\u001F\\u007F-\\u009F]*";

  public MemberDetails {
    displayName = displayName == null ? null : displayName.strip();
    email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }
}
