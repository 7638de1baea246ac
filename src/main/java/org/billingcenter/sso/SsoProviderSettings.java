package org.billingcenter.sso;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.billingcenter.account.Role;
import org.jspecify.annotations.Nullable;

/**
 * What a Global admin configures, from the settings page or {@code PUT /api/v1/sso}: the same
 * constraints for both. The client secret is write-only: blank keeps the stored one.
 */
public record SsoProviderSettings(
    @NotBlank @Size(max = 500) String issuer,
    @NotBlank @Size(max = 200) @Pattern(regexp = CLIENT_ID) String clientId,
    @Nullable @Size(max = 500) String clientSecret,
    @Nullable @Size(max = 20) List<@Size(max = 253) @Pattern(regexp = DOMAIN) String> emailDomains,
    @Nullable @Size(max = 20) List<@Valid RoleMapping> mappings,
    @Nullable Role defaultRole,
    @Nullable Boolean mandatory,
    @Nullable Boolean enabled) {

  /** Printable ASCII without spaces, as OAuth 2.0 client ids are. */
  public static final String CLIENT_ID = "^[!-~]{1,200}$";

  /** One domain name with at least one dot (also valid as an HTML pattern: the hyphen is escaped). */
  private static final String ONE_DOMAIN =
      "[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)+";

  public static final String DOMAIN = "^" + ONE_DOMAIN + "$";

  /** The page's one text field for the domains, as an HTML pattern: domains separated by commas. */
  public static final String DOMAIN_LIST_HTML = "\\s*" + ONE_DOMAIN + "(?:\\s*,\\s*" + ONE_DOMAIN + ")*\\s*";

  public List<String> domains() {
    return emailDomains == null ? List.of() : emailDomains;
  }

  public List<RoleMapping> rules() {
    return mappings == null ? List.of() : mappings.stream().filter(m -> m != null && !m.blank()).toList();
  }

  public boolean isMandatory() {
    return Boolean.TRUE.equals(mandatory);
  }

  public boolean isEnabled() {
    return Boolean.TRUE.equals(enabled);
  }
}
