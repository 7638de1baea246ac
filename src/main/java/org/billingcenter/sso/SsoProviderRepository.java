package org.billingcenter.sso;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Providers by tenant. Two deliberate global lookups, made before anyone is signed in: the
 * organisation of an e-mail domain, and (at the OAuth2 redirect and callback) a provider by its
 * registration id, which is the tenant id itself.
 */
@Repository
class SsoProviderRepository {

  /** A provider with its client secret, for building the client registration only. */
  record Stored(SsoProvider provider, String clientSecret) {}

  private final JdbcClient jdbc;

  SsoProviderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Stored> find(TenantId tenant) {
    List<Map<String, Object>> rows = jdbc.sql("""
            select tenant_id, issuer, client_id, client_secret, default_role, mandatory, enabled, revision,
                   updated_at, updated_by
              from sso_provider where tenant_id = :t
            """).param("t", tenant.value()).query().listOfRows();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = rows.get(0);
    List<RoleMapping> mappings = jdbc.sql("""
            select claim, claim_value, role from sso_role_mapping where tenant_id = :t order by mapping_no
            """).param("t", tenant.value())
        .query((rs, n) -> new RoleMapping(rs.getString("claim"), rs.getString("claim_value"), Role.valueOf(rs.getString("role"))))
        .list();
    List<String> domains = jdbc.sql("select domain from sso_email_domain where tenant_id = :t order by domain")
        .param("t", tenant.value()).query(String.class).list();
    String defaultRole = (String) row.get("default_role");
    SsoProvider provider = new SsoProvider(tenant, (String) row.get("issuer"), (String) row.get("client_id"), domains,
        mappings, defaultRole == null ? null : Role.valueOf(defaultRole), Boolean.TRUE.equals(row.get("mandatory")),
        Boolean.TRUE.equals(row.get("enabled")), ((Number) row.get("revision")).intValue(),
        instant(row.get("updated_at")), (String) row.get("updated_by"));
    return Optional.of(new Stored(provider, (String) row.get("client_secret")));
  }

  /** The stored revision, or empty: one cheap query for the registration cache. */
  Optional<Integer> revision(TenantId tenant) {
    return jdbc.sql("select revision from sso_provider where tenant_id = :t and enabled")
        .param("t", tenant.value()).query(Integer.class).optional();
  }

  boolean mandatory(TenantId tenant) {
    return jdbc.sql("select count(*) from sso_provider where tenant_id = :t and mandatory and enabled")
        .param("t", tenant.value()).query(Long.class).single() > 0;
  }

  /** Replaces the tenant's provider (its mappings and domains too) with {@code p}. */
  void save(SsoProvider p, String clientSecret, boolean exists) {
    if (exists) {
      deleteChildren(p.tenant());
      jdbc.sql("""
              update sso_provider set issuer = :issuer, client_id = :client, client_secret = :secret,
                     default_role = :role, mandatory = :mandatory, enabled = :enabled, revision = :revision,
                     updated_at = :at, updated_by = :by
               where tenant_id = :t
              """).params(params(p, clientSecret)).update();
    } else {
      jdbc.sql("""
              insert into sso_provider (tenant_id, issuer, client_id, client_secret, default_role, mandatory, enabled,
                                        revision, updated_at, updated_by)
              values (:t, :issuer, :client, :secret, :role, :mandatory, :enabled, :revision, :at, :by)
              """).params(params(p, clientSecret)).update();
    }
    int n = 0;
    for (RoleMapping m : p.mappings()) {
      jdbc.sql("""
              insert into sso_role_mapping (tenant_id, mapping_no, claim, claim_value, role)
              values (:t, :n, :claim, :v, :role)
              """).param("t", p.tenant().value()).param("n", ++n).param("claim", m.claim()).param("v", m.value())
          .param("role", m.role().name()).update();
    }
    for (String domain : p.emailDomains()) {
      jdbc.sql("insert into sso_email_domain (tenant_id, domain) values (:t, :d)")
          .param("t", p.tenant().value()).param("d", domain).update();
    }
  }

  void turnOffMandatory(TenantId tenant, Instant at, String by) {
    jdbc.sql("""
            update sso_provider set mandatory = false, revision = revision + 1, updated_at = :at, updated_by = :by
             where tenant_id = :t
            """).param("t", tenant.value()).param("at", Utc.of(at)).param("by", by).update();
  }

  void delete(TenantId tenant) {
    deleteChildren(tenant);
    jdbc.sql("delete from sso_provider where tenant_id = :t").param("t", tenant.value()).update();
  }

  /** The other organisation (if any) that already has one of these domains. */
  Optional<TenantId> domainOwnerOtherThan(TenantId tenant, List<String> domains) {
    for (String domain : domains) {
      Optional<UUID> owner = jdbc.sql("select tenant_id from sso_email_domain where domain = :d and tenant_id <> :t")
          .param("d", domain).param("t", tenant.value()).query(UUID.class).optional();
      if (owner.isPresent()) {
        return owner.map(TenantId::new);
      }
    }
    return Optional.empty();
  }

  /** The organisation whose enabled provider signs in people of this e-mail domain. */
  Optional<TenantId> tenantOfDomain(String domain) {
    return jdbc.sql("""
            select d.tenant_id from sso_email_domain d join sso_provider p on p.tenant_id = d.tenant_id
             where d.domain = :d and p.enabled
            """).param("d", domain).query(UUID.class).optional().map(TenantId::new);
  }

  boolean enabled(TenantId tenant) {
    return revision(tenant).isPresent();
  }

  private void deleteChildren(TenantId tenant) {
    jdbc.sql("delete from sso_role_mapping where tenant_id = :t").param("t", tenant.value()).update();
    jdbc.sql("delete from sso_email_domain where tenant_id = :t").param("t", tenant.value()).update();
  }

  private static Map<String, Object> params(SsoProvider p, String secret) {
    java.util.HashMap<String, Object> m = new java.util.HashMap<>();
    m.put("t", p.tenant().value());
    m.put("issuer", p.issuer());
    m.put("client", p.clientId());
    m.put("secret", secret);
    m.put("role", p.defaultRole() == null ? null : p.defaultRole().name());
    m.put("mandatory", p.mandatory());
    m.put("enabled", p.enabled());
    m.put("revision", p.revision());
    m.put("at", Utc.of(p.updatedAt()));
    m.put("by", p.updatedBy());
    return m;
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    return value == null ? null : Instant.parse(value.toString());
  }
}
