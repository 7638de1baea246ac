package org.billingcenter.admins;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Global admin's work on the organisation's admins: their roles and their removal, never leaving
 * it without a Global admin ({@link AdminChangePolicy}). The account module audits each change and
 * publishes {@code AccountAccessChanged}, so the person's sessions end.
 */
@Service
public class AdminService {

  private final AccountService accounts;

  AdminService(AccountService accounts) {
    this.accounts = accounts;
  }

  /** The organisation's enabled admins by username (an organisation has few: they are read whole, then cut). */
  @Transactional(readOnly = true)
  public Page<AdminAccount> admins(TenantId tenant, PageRequest page) {
    List<AdminAccount> all = accounts.tenantAccounts(tenant).stream()
        .sorted(Comparator.comparing(AdminAccount::username)).toList();
    int from = (int) Math.min(all.size(), page.offset());
    return new Page<>(all.subList(from, Math.min(all.size(), from + page.size())), page, all.size());
  }

  @Transactional(readOnly = true)
  public AdminAccount admin(TenantId tenant, String username) {
    return accounts.tenantAccount(tenant, username).orElseThrow(() -> new Rejected(AdminsReason.ADMIN_NOT_FOUND));
  }

  /** What removing the admin would meet (the check step of the pages): empty when it may go ahead. */
  @Transactional(readOnly = true)
  public Optional<AdminsReason> removalCheck(TenantId tenant, String username) {
    return AdminChangePolicy.check(accounts.tenantAccounts(tenant), username, Set.of(), true);
  }

  @Transactional
  public AdminAccount changeRoles(TenantId tenant, String username, Set<org.billingcenter.account.Role> roles,
      String actor) {
    List<AdminAccount> admins = accounts.lockedTenantAccounts(tenant);
    AdminChangePolicy.check(admins, username, roles, false).ifPresent(reason -> {
      throw new Rejected(reason);
    });
    AdminAccount account = admins.stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
    if (!account.roles().equals(Set.copyOf(roles))) {
      accounts.changeRoles(tenant, account, roles, actor);
    }
    return new AdminAccount(account.username(), tenant, account.displayName(), roles, account.locale(),
        account.email());
  }

  /** Disables the account (kept for the audit trail); its sessions end. */
  @Transactional
  public void remove(TenantId tenant, String username, String actor) {
    List<AdminAccount> admins = accounts.lockedTenantAccounts(tenant);
    AdminChangePolicy.check(admins, username, Set.of(), true).ifPresent(reason -> {
      throw new Rejected(reason);
    });
    accounts.disable(tenant, username, actor);
  }
}
