package org.billingcenter.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.ApplicationEventPublisher;

/** Creates accounts and finds them at sign-in. */
@Service
public class AccountService implements UserDetailsService {

  private static final Logger log = LoggerFactory.getLogger(AccountService.class);

  private final AdminAccountRepository accounts;
  private final PasswordEncoder passwordEncoder;
  private final AuditLog audit;
  private final Clock clock;
  private final PasswordPolicy passwordPolicy;
  private final ApplicationEventPublisher events;

  AccountService(
      AdminAccountRepository accounts,
      PasswordEncoder passwordEncoder,
      PasswordPolicy passwordPolicy,
      AuditLog audit,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.passwordPolicy = passwordPolicy;
    this.audit = audit;
    this.clock = clock;
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
    account = account.withEmail(EmailAddress.normalised(account.email()).orElse(null));
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

  /** A username tried by anyone, fit for one log line: no line breaks, at most 100 characters. */
  private static String printable(String username) {
    String line = String.valueOf(username).replaceAll("\\p{Cntrl}", "?");
    return line.length() > 100 ? line.substring(0, 100) + "…" : line;
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
    return new AdminAccount(account.username(), account.tenant(), account.displayName(), account.roles(), locale,
        account.email());
  }

  /**
   * The account's own e-mail address, where notifications reach it (blank: none). The caller's own
   * account only, as for the language. The audit keeps whether one was set, not the address.
   */
  @Transactional
  public AdminAccount chooseEmail(AdminAccount account, String email) {
    String address = EmailAddress.normalised(email).orElse(null);
    accounts.updateEmail(account.username(), address);
    if (account.tenant() != null) {
      audit.record(account.tenant(), account.username(),
          Change.of("ACCOUNT_EMAIL_CHOSEN", "admin_account", account.username())
              .from(account.email() != null).to(address != null));
    }
    return account.withEmail(address);
  }

  /** The organisation's enabled admin accounts with their roles and addresses, by username. */
  @Transactional(readOnly = true)
  public List<AdminAccount> tenantAccounts(TenantId tenant) {
    return accounts.ofTenant(tenant);
  }

  /**
   * One query, no transaction around it: a read-only transaction would cost three round trips more.
   * Usernames are stored in lower case (invited admins' are their e-mail addresses), so a username
   * typed with capitals, as phones like to, still signs in.
   */
  @Override
  public SignedInAccount loadUserByUsername(String username) {
    return accounts.findForSignIn(username.toLowerCase(java.util.Locale.ROOT)).orElseThrow(() -> new UsernameNotFoundException("no such account"));
  }

  /**
   * A failed sign-in started a wait. The account's organisation gets an audit row with the username
   * tried as the actor; a username without an organisation (unknown, or a support or operator
   * account) has no audit trail of its own, so the log carries it, as it always does.
   */
  @Transactional
  public void recordSignInThrottled(String username, String address, LoginThrottle.Lockout lockout) {
    long minutes = Math.max(lockout.pairWait().toMinutes(), lockout.addressWait().toMinutes());
    String why = lockout.pairWait().isZero()
        ? lockout.addressFailures() + " failed sign-ins from " + address + " (any username)"
        : lockout.pairFailures() + " failed sign-ins of this username from " + address;
    log.warn("Sign-in throttled for {} min: {} ({})", minutes, why, printable(username));
    accounts.findForSignIn(username).flatMap(SignedInAccount::tenant).ifPresent(tenant -> audit.record(
        tenant,
        username,
        Change.of("SIGN_IN_THROTTLED", "admin_account", username).to("wait " + minutes + " min").because(why)));
  }

  // --- Issue 15 (admins): what Global admins and single-use links change on existing accounts ---

  /** Whether an account uses this address already (as its username or its e-mail), in any organisation. */
  @Transactional(readOnly = true)
  public boolean addressInUse(String email) {
    return EmailAddress.normalised(email).map(accounts::addressInUse).orElse(false);
  }

  /**
   * The organisation's enabled accounts, their rows locked until the caller's transaction ends: two
   * Global admins demoting each other at once are decided one after the other.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<AdminAccount> lockedTenantAccounts(TenantId tenant) {
    accounts.lockTenant(tenant);
    return accounts.ofTenant(tenant);
  }

  /** An enabled account of this organisation, if there is one with that username. */
  @Transactional(readOnly = true)
  public java.util.Optional<AdminAccount> tenantAccount(TenantId tenant, String username) {
    return accounts.ofTenant(tenant).stream().filter(a -> a.username().equals(username)).findFirst();
  }

  /** Enabled organisation accounts reached at this address (a password reset mails each). */
  @Transactional(readOnly = true)
  public List<AdminAccount> tenantAccountsWithAddress(String email) {
    return EmailAddress.normalised(email).map(accounts::enabledWithAddress).orElse(List.of());
  }

  /** New tenant roles for an account; whoever keeps its sessions ends them after the commit. */
  @Transactional
  public void changeRoles(TenantId tenant, AdminAccount account, java.util.Set<Role> roles, String actor) {
    if (roles.isEmpty() || !roles.stream().allMatch(Role::isTenantRole)) {
      throw new Rejected(AccountReason.ROLE_NOT_FOR_TENANT);
    }
    accounts.replaceRoles(tenant, account.username(), roles);
    audit.record(tenant, actor, Change.of("ACCOUNT_ROLES_CHANGED", "admin_account", account.username())
        .from(new java.util.TreeSet<>(account.roles())).to(new java.util.TreeSet<>(roles)));
    events.publishEvent(new AccountAccessChanged(tenant, account.username(), AccountAccessChanged.Why.ROLES_CHANGED));
  }

  /** The account can no longer sign in; it is kept, so the audit trail still names it. */
  @Transactional
  public void disable(TenantId tenant, String username, String actor) {
    if (accounts.disable(tenant, username) == 1) {
      audit.record(tenant, actor, Change.of("ACCOUNT_REMOVED", "admin_account", username).to("disabled"));
      events.publishEvent(new AccountAccessChanged(tenant, username, AccountAccessChanged.Why.REMOVED));
    }
  }

  /** A new password (it must pass the policy) for an enabled account of the organisation. */
  @Transactional
  public void changePassword(TenantId tenant, String username, String password, String actor) {
    passwordPolicy.check(username, password).ifPresent(reason -> {
      throw new Rejected(reason);
    });
    if (accounts.updatePassword(tenant, username, passwordEncoder.encode(password)) == 1) {
      audit.record(tenant, actor, Change.of("ACCOUNT_PASSWORD_CHANGED", "admin_account", username));
      events.publishEvent(new AccountAccessChanged(tenant, username, AccountAccessChanged.Why.PASSWORD_CHANGED));
    }
  }
}
