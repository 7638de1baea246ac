package org.billingcenter.account;

import java.time.Clock;
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
  private final PasswordPolicy passwordPolicy;

  AccountService(
      AdminAccountRepository accounts,
      PasswordEncoder passwordEncoder,
      PasswordPolicy passwordPolicy,
      AuditLog audit,
      Clock clock,
      LoginThrottle throttle) {
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.passwordPolicy = passwordPolicy;
    this.audit = audit;
    this.clock = clock;
    this.throttle = throttle;
  }

  /**
   * A tenant-side account; only tenant roles, and the tenant must exist (a foreign key holds). The
   * password must pass the {@link PasswordPolicy}.
   */
  @Transactional
  public AdminAccount createTenantAccount(AdminAccount account, String password, String actor) {
    requireAcceptable(account, password);
    return seedTenantAccount(account, password, actor);
  }

  /**
   * Demo data and test fixtures only: as {@link #createTenantAccount} but without the password
   * policy, so the seeded demo accounts keep their published password {@code demo}. Seeding is not
   * a sign-up: no request reaches this.
   */
  @Transactional
  public AdminAccount seedTenantAccount(AdminAccount account, String password, String actor) {
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
    requireAcceptable(account, password);
    return seedOperatorAccount(account, password);
  }

  /** Demo data and test fixtures only: {@link #createOperatorAccount} without the password policy. */
  @Transactional
  public AdminAccount seedOperatorAccount(AdminAccount account, String password) {
    if (account.tenant() != null || account.roles().stream().anyMatch(Role::isTenantRole)) {
      throw new Rejected(AccountReason.ROLE_NOT_FOR_TENANT);
    }
    insert(account, password);
    return account;
  }

  /** Checked before anything is hashed or stored. */
  private void requireAcceptable(AdminAccount account, String password) {
    passwordPolicy.check(account.username(), password).ifPresent(reason -> {
      throw new Rejected(reason);
    });
  }

  private void insert(AdminAccount account, String password) {
    if (accounts.exists(account.username())) {
      throw new Rejected(AccountReason.USERNAME_TAKEN, account.username());
    }
    accounts.insert(account, passwordEncoder.encode(password), clock.instant());
  }

  /** One query, no transaction around it: a read-only transaction would cost three round trips more. */
  @Override
  public SignedInAccount loadUserByUsername(String username) {
    SignedInAccount found =
        accounts.findForSignIn(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    return throttle.locked(username) ? found.throttled() : found;
  }
}
