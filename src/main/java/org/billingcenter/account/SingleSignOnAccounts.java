package org.billingcenter.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts people reach through their organisation's single sign-on: found by e-mail address
 * inside the organisation, or created just in time (username = the address) with a password
 * nobody knows, and given the roles the provider's claims map to. A separate class (not more of
 * {@link AccountService}) so the sign-on path stays in one place.
 */
@Service
public class SingleSignOnAccounts {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SingleSignOnAccountRepository lookups;
  private final AdminAccountRepository accounts;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SingleSignOnAccounts(SingleSignOnAccountRepository lookups, AdminAccountRepository accounts, PasswordEncoder encoder, AuditLog audit,
      ApplicationEventPublisher events, Clock clock) {
    this.lookups = lookups;
    this.accounts = accounts;
    this.encoder = encoder;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The organisation of the enabled account whose e-mail address (or username) this is; the one
   * deliberate global lookup, as at password sign-in. Empty when none or when it is ambiguous.
   */
  @Transactional(readOnly = true)
  public Optional<TenantId> tenantOfAddress(String address) {
    List<UUID> found = lookups.tenantsOfAddress(address.strip().toLowerCase(Locale.ROOT));
    return found.size() == 1 ? Optional.of(new TenantId(found.get(0))) : Optional.empty();
  }

  /**
   * The account of {@code tenant} with this address, created if there is none, holding exactly
   * {@code roles} (the provider is the authority on them). Refused when the address is already a
   * username elsewhere ({@link AccountReason#USERNAME_TAKEN}) or the account is disabled.
   */
  @Transactional
  public SignedInAccount signOn(TenantId tenant, String email, String displayName, Set<Role> roles, String how) {
    String address = EmailAddress.normalised(email).orElseThrow(() -> new Rejected(AccountReason.EMAIL_INVALID));
    if (roles.isEmpty() || !roles.stream().allMatch(Role::isTenantRole)) {
      throw new Rejected(AccountReason.ROLE_NOT_FOR_TENANT);
    }
    List<String> usernames = lookups.usernames(tenant, address);
    String username;
    if (usernames.isEmpty()) {
      if (accounts.exists(address)) {
        throw new Rejected(AccountReason.USERNAME_TAKEN, address);
      }
      String name = displayName == null || displayName.isBlank() ? address : displayName.strip();
      AdminAccount created = new AdminAccount(address, tenant, name.length() > 200 ? name.substring(0, 200) : name,
          roles, null, address);
      accounts.insert(created, encoder.encode(unguessable()), clock.instant());
      audit.record(tenant, address, Change.of("ACCOUNT_CREATED", "admin_account", address).to(roles).because(how));
      username = address;
    } else {
      username = usernames.get(0);
      SignedInAccount before = accounts.findForSignIn(username).orElseThrow();
      if (!before.isEnabled()) {
        throw new Rejected(AccountReason.NO_TENANT);
      }
      roles = keepingTheLastGlobalAdmin(tenant, before.account(), roles);
      if (!before.account().roles().equals(roles)) {
        lookups.replaceRoles(username, roles);
        audit.record(tenant, username, Change.of("ACCOUNT_ROLES_CHANGED", "admin_account", username)
            .from(before.account().roles()).to(roles).because(how));
        events.publishEvent(new AccountAccessChanged(tenant, username, AccountAccessChanged.Why.ROLES_CHANGED));
      }
      if (before.account().email() == null) {
        accounts.updateEmail(username, address);
      }
    }
    SignedInAccount now = accounts.findForSignIn(username).orElseThrow();
    return SignedInAccount.withoutPassword(now.account());
  }

  /**
   * The provider is the authority on roles, but never to the point of leaving the organisation
   * without a Global admin (the Admins page refuses the same, LAST_GLOBAL_ADMIN): the only enabled
   * Global admin keeps that role whatever the claims say, until another one exists.
   */
  private Set<Role> keepingTheLastGlobalAdmin(TenantId tenant, AdminAccount before, Set<Role> mapped) {
    if (mapped.contains(Role.GLOBAL_ADMIN) || !LastGlobalAdmin.wouldBeLost(accounts.ofTenant(tenant), before)) {
      return mapped;
    }
    Set<Role> kept = java.util.EnumSet.copyOf(mapped);
    kept.add(Role.GLOBAL_ADMIN);
    return Set.copyOf(kept);
  }

  /** A password nobody knows: the account signs in through its organisation's provider. */
  private static String unguessable() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
