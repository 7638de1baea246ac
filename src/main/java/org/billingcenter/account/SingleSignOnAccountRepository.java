package org.billingcenter.account;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lookups single sign-on needs beside {@link AdminAccountRepository}'s: by e-mail address. */
@Repository
class SingleSignOnAccountRepository {

  private final JdbcClient jdbc;

  SingleSignOnAccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The organisations of the enabled accounts with this address (or username): before sign-in, global. */
  List<UUID> tenantsOfAddress(String address) {
    return jdbc.sql("""
            select distinct tenant_id from admin_account
             where (email = :address or lower(username) = :address) and tenant_id is not null and enabled
            """)
        .param("address", address)
        .query(UUID.class)
        .list();
  }

  /** The tenant's accounts with this address (or username), by username. */
  List<String> usernames(TenantId tenant, String address) {
    return jdbc.sql("""
            select username from admin_account
             where tenant_id = :tenant and (email = :address or lower(username) = :address)
             order by username
            """)
        .param("tenant", tenant.value()).param("address", address).query(String.class).list();
  }

  void replaceRoles(String username, Set<Role> roles) {
    jdbc.sql("delete from admin_account_role where username = :u").param("u", username).update();
    for (Role role : roles) {
      jdbc.sql("insert into admin_account_role (username, role) values (:u, :r)")
          .param("u", username).param("r", role.name()).update();
    }
  }
}
