package org.billingcenter.sso;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.billingcenter.account.Role;
import org.jspecify.annotations.Nullable;

/**
 * One rule: when the ID token's {@code claim} is {@code value} (or, for a list claim such as
 * {@code groups}, contains it), the person gets {@code role}. A row left blank on the page is no rule.
 */
public record RoleMapping(
    @Nullable @Size(max = 100) @Pattern(regexp = CLAIM) String claim,
    @Nullable @Size(max = 200) String value,
    @Nullable Role role) {

  /** A claim name: letters, digits and {@code _ . : / -} (blank on an unused page row). */
  public static final String CLAIM = "^$|^[A-Za-z0-9_.:/-]{1,100}$";

  public boolean blank() {
    return isBlank(claim) && isBlank(value) && role == null;
  }

  public boolean complete() {
    return !isBlank(claim) && !isBlank(value) && role != null;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
