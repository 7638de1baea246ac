package org.billingcenter.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.billingcenter.shared.TenantId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: the account plus its password hash, as Spring Security wants it. */
public final class SignedInAccount implements UserDetails {

  private final AdminAccount account;
  private final String passwordHash;
  private final boolean enabled;

  /** Failed sign-ins are throttled before the account is looked at: see {@link ThrottledSignIn}. */
  SignedInAccount(AdminAccount account, String passwordHash, boolean enabled) {
    this.account = account;
    this.passwordHash = passwordHash;
    this.enabled = enabled;
  }

  /**
   * A principal that did not sign in with a password (an API key, single sign-on): it has no
   * password hash, so no password can ever match it.
   */
  public static SignedInAccount withoutPassword(AdminAccount account) {
    return new SignedInAccount(account, null, true);
  }

  /** The same sign-in with the account as it now is (e.g. after choosing a language). */
  public SignedInAccount with(AdminAccount changed) {
    return new SignedInAccount(changed, passwordHash, enabled);
  }

  public AdminAccount account() {
    return account;
  }

  /** The tenant this account acts in; empty for support engineers and operators. */
  public Optional<TenantId> tenant() {
    return Optional.ofNullable(account.tenant());
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return account.roles().stream()
        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
        .toList();
  }

  public List<Role> roles() {
    return List.copyOf(account.roles());
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return account.username();
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }
}
