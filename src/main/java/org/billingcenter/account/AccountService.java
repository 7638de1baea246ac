package org.billingcenter.account;

import java.time.Clock;
import java.util.Locale;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.Rejected;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts and finds them at sign-in. */
@Service
public class AccountService implements UserDetailsService {

  private final AdminAccountRepository accounts;
  private final PasswordEncoder passwordEncoder;
  private final AuditLog audit;
  private final Clock clock;
  private final LoginThrottle throttle;

  AccountService(
      AdminAccountRepository accounts,
      PasswordEncoder passwordEncoder,
      AuditLog audit,
      Clock clock,
      LoginThrottle throttle) {
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.audit = audit;
    this.clock = clock;
    this.throttle = throttle;
  }

  /** A tenant-side account; only tenant roles, and the tenant must exist (a foreign key holds). */
  @Transactional
  public AdminAccount createTenantAccount(AdminAccount account, String password, String actor) {
    if (account.tenant() == null) {
      throw new Rejected(AccountReason.NO_TENANT);
    }
    if (!account.roles().stream().allMatch(Role::isTenantRole)) {
      throw new Rejected(AccountReason.ROLE_NOT_FOR_TENANT);
    }
    insert(account, password);
    audit.record(
        account.tenant(),
        actor,
        Change.of("ACCOUNT_CREATED", "admin_account", account.username()).to(account.roles()));
    return account;
  }

  /** A support engineer or operator: no tenant, so the audit trail is the log. */
  @Transactional
  public AdminAccount createOperatorAccount(AdminAccount account, String password) {
    if (account.tenant() != null || account.roles().stream().anyMatch(Role::isTenantRole)) {
      throw new Rejected(AccountReason.ROLE_NOT_FOR_TENANT);
    }
    insert(account, password);
    return account;
  }

  private void insert(AdminAccount account, String password) {
    if (accounts.exists(account.username())) {
      throw new Rejected(AccountReason.USERNAME_TAKEN, account.username());
    }
    accounts.insert(account, passwordEncoder.encode(password), clock.instant());
  }

  /**
   * The language the account's pages speak, whatever the browser asks for ({@code null}: the
   * browser's). The caller's own account only: the username comes from the signed-in principal.
   */
  @Transactional
  public AdminAccount chooseLocale(AdminAccount account, Locale locale) {
    accounts.updateLocale(account.username(), locale);
    if (account.tenant() != null) {
      audit.record(account.tenant(), account.username(),
          Change.of("ACCOUNT_LANGUAGE_CHOSEN", "admin_account", account.username())
              .from(account.locale()).to(locale));
    }
    return new AdminAccount(account.username(), account.tenant(), account.displayName(), account.roles(), locale);
  }

  /** One query, no transaction around it: a read-only transaction would cost three round trips more. */
  @Override
  public SignedInAccount loadUserByUsername(String username) {
    SignedInAccount found =
        accounts.findForSignIn(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    return throttle.locked(username) ? found.throttled() : found;
  }
}
