package org.billingcenter.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
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
                                       enabled, created_at)
            values (:username, :tenant, :name, :hash, :locale, true, :now)
            """)
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

  Optional<SignedInAccount> findForSignIn(String username) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("select role from admin_account_role where username = :username")
        .param("username", username)
        .query(String.class)
        .list()
        .forEach(role -> roles.add(Role.valueOf(role)));
    return jdbc.sql(
            """
            select username, tenant_id, display_name, password_hash, locale, enabled
              from admin_account where username = :username
            """)
        .param("username", username)
        .query((rs, i) -> map(rs, roles))
        .optional();
  }

  private static SignedInAccount map(ResultSet rs, Set<Role> roles) throws SQLException {
    UUID tenant = rs.getObject("tenant_id", UUID.class);
    String locale = rs.getString("locale");
    AdminAccount account =
        new AdminAccount(
            rs.getString("username"),
            tenant == null ? null : new TenantId(tenant),
            rs.getString("display_name"),
            roles,
            locale == null ? null : Locale.forLanguageTag(locale));
    return new SignedInAccount(account, rs.getString("password_hash"), rs.getBoolean("enabled"), false);
  }
}
