package org.billingcenter.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts are looked up by username at sign-in, before any tenant is known: the one deliberate
 * global lookup. Everything else a tenant does is scoped by the tenant the account carries.
 */
@Repository
class AdminAccountRepository {

  private final JdbcClient jdbc;

  AdminAccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String username) {
    return jdbc.sql("select count(*) from admin_account where username = :username")
            .param("username", username)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(AdminAccount account, String passwordHash, Instant now) {
    jdbc.sql(
            """
            insert into admin_account (username, tenant_id, display_name, password_hash, locale,
                                       enabled, created_at, email)
            values (:username, :tenant, :name, :hash, :locale, true, :now, :email)
            """)
        .param("email", account.email())
        .param("username", account.username())
        .param("tenant", account.tenant() == null ? null : account.tenant().value())
        .param("name", account.displayName())
        .param("hash", passwordHash)
        .param("locale", account.locale() == null ? null : account.locale().toLanguageTag())
        .param("now", Utc.of(now))
        .update();
    for (Role role : account.roles()) {
      jdbc.sql("insert into admin_account_role (username, role) values (:username, :role)")
          .param("username", account.username())
          .param("role", role.name())
          .update();
    }
  }

  void updateLocale(String username, Locale locale) {
    jdbc.sql("update admin_account set locale = :locale where username = :username")
        .param("locale", locale == null ? null : locale.toLanguageTag())
        .param("username", username)
        .update();
  }

  void updateEmail(String username, String email) {
    jdbc.sql("update admin_account set email = :email where username = :username")
        .param("email", email)
        .param("username", username)
        .update();
  }

  /** The tenant's enabled accounts with their roles, by username. */
  List<AdminAccount> ofTenant(TenantId tenant) {
    Map<String, Set<Role>> roles = new java.util.HashMap<>();
    List<Map<String, Object>> rows = jdbc.sql(
            """
            select a.username, a.tenant_id, a.display_name, a.password_hash, a.locale, a.enabled, a.email, r.role
              from admin_account a left join admin_account_role r on r.username = a.username
             where a.tenant_id = :tenant and a.enabled
             order by a.username
            """)
        .param("tenant", tenant.value())
        .query()
        .listOfRows();
    rows.forEach(row -> {
      Set<Role> of = roles.computeIfAbsent((String) row.get("username"), u -> EnumSet.noneOf(Role.class));
      if (row.get("role") != null) {
        of.add(Role.valueOf((String) row.get("role")));
      }
    });
    Map<String, AdminAccount> accounts = new java.util.LinkedHashMap<>();
    rows.forEach(row -> accounts.computeIfAbsent((String) row.get("username"),
        u -> map(row, roles.get(u)).account()));
    return List.copyOf(accounts.values());
  }

  /** The account and its roles in one round trip: this runs on every API request. */
  Optional<SignedInAccount> findForSignIn(String username) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<Map<String, Object>> rows = jdbc.sql(
            """
            select a.username, a.tenant_id, a.display_name, a.password_hash, a.locale, a.enabled, a.email, r.role
              from admin_account a left join admin_account_role r on r.username = a.username
             where a.username = :username
            """)
        .param("username", username)
        .query()
        .listOfRows();
    rows.stream().map(row -> (String) row.get("role")).filter(Objects::nonNull).forEach(r -> roles.add(Role.valueOf(r)));
    return rows.stream().findFirst().map(row -> map(row, roles));
  }

  private static SignedInAccount map(Map<String, Object> row, Set<Role> roles) {
    UUID tenant = (UUID) row.get("tenant_id");
    String locale = (String) row.get("locale");
    AdminAccount account =
        new AdminAccount(
            (String) row.get("username"),
            tenant == null ? null : new TenantId(tenant),
            (String) row.get("display_name"),
            roles,
            locale == null ? null : Locale.forLanguageTag(locale),
            (String) row.get("email"));
    return new SignedInAccount(account, (String) row.get("password_hash"), Boolean.TRUE.equals(row.get("enabled")));
  }

  // --- Issue 15 (admins): roles, removal, passwords and addresses of existing accounts ---

  /** Whether any account (enabled or not) has this address as its username or its e-mail. */
  boolean addressInUse(String email) {
    return jdbc.sql("select count(*) from admin_account where username = :email or email = :email")
            .param("email", email)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The tenant's enabled accounts, their rows locked for the caller's transaction (role changes). */
  void lockTenant(TenantId tenant) {
    jdbc.sql("select username from admin_account where tenant_id = :tenant and enabled order by username for update")
        .param("tenant", tenant.value())
        .query(String.class)
        .list();
  }

  void replaceRoles(TenantId tenant, String username, Set<Role> roles) {
    jdbc.sql(
            """
            delete from admin_account_role where username in
              (select username from admin_account where tenant_id = :tenant and username = :username)
            """)
        .param("tenant", tenant.value())
        .param("username", username)
        .update();
    for (Role role : roles) {
      jdbc.sql("insert into admin_account_role (username, role) values (:username, :role)")
          .param("username", username)
          .param("role", role.name())
          .update();
    }
  }

  /** Disabled accounts stay (the audit trail names them) but can no longer sign in. */
  int disable(TenantId tenant, String username) {
    return jdbc.sql("update admin_account set enabled = false where tenant_id = :tenant and username = :username and enabled")
        .param("tenant", tenant.value())
        .param("username", username)
        .update();
  }

  int updatePassword(TenantId tenant, String username, String passwordHash) {
    return jdbc.sql(
            "update admin_account set password_hash = :hash where tenant_id = :tenant and username = :username and enabled")
        .param("hash", passwordHash)
        .param("tenant", tenant.value())
        .param("username", username)
        .update();
  }

  /** Enabled tenant accounts whose e-mail (or username) is this address: at most a few. */
  List<AdminAccount> enabledWithAddress(String email) {
    List<String> usernames = jdbc.sql(
            """
            select username from admin_account
             where (email = :email or username = :email) and enabled and tenant_id is not null
             order by username fetch first 5 rows only
            """)
        .param("email", email)
        .query(String.class)
        .list();
    return usernames.stream().map(this::findForSignIn).flatMap(Optional::stream).map(SignedInAccount::account).toList();
  }
}
