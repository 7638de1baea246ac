package org.billingcenter.admins;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.account.Role;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links. A link is found by its token's hash before any tenant is known (the one global
 * lookup, as a username at sign-in); everything else is scoped by the tenant.
 */
@Repository
class AccessTokenRepository {

  /** One link as stored (never its token). */
  record Link(TenantId tenant, UUID id, Purpose purpose, String email, String displayName, Set<Role> roles,
      Locale locale, String username, String createdBy, Instant createdAt, Instant expiresAt, Instant usedAt,
      Instant withdrawnAt) {

    boolean usable(Instant now) {
      return usedAt == null && withdrawnAt == null && now.isBefore(expiresAt);
    }

    Invitation invitation() {
      return new Invitation(tenant, id, email, displayName, roles, locale, createdBy, createdAt, expiresAt);
    }
  }

  private static final String COLUMNS = """
      tenant_id, token_id, purpose, email, display_name, roles, locale, username, created_by, created_at,
      expires_at, used_at, withdrawn_at""";

  private final JdbcClient jdbc;

  AccessTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Link link, String hash) {
    jdbc.sql("""
            insert into access_token (tenant_id, token_id, purpose, token_hash, email, display_name, roles, locale,
                                      username, created_by, created_at, expires_at)
            values (:tenant, :id, :purpose, :hash, :email, :name, :roles, :locale, :username, :by, :at, :expires)
            """)
        .param("tenant", link.tenant().value())
        .param("id", link.id())
        .param("purpose", link.purpose().name())
        .param("hash", hash)
        .param("email", link.email())
        .param("name", link.displayName())
        .param("roles", link.roles().isEmpty() ? null
            : link.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
        .param("locale", link.locale() == null ? null : link.locale().toLanguageTag())
        .param("username", link.username())
        .param("by", link.createdBy())
        .param("at", Utc.of(link.createdAt()))
        .param("expires", Utc.of(link.expiresAt()))
        .update();
  }

  Optional<Link> findByHash(String hash) {
    return jdbc.sql("select " + COLUMNS + " from access_token where token_hash = :hash")
        .param("hash", hash)
        .query(AccessTokenRepository::link)
        .optional();
  }

  /** Uses the link once: true for the one transaction that gets it while it is still usable. */
  boolean markUsed(TenantId tenant, UUID id, Instant now) {
    return jdbc.sql("""
            update access_token set used_at = :now
             where tenant_id = :tenant and token_id = :id
               and used_at is null and withdrawn_at is null and expires_at > :now
            """)
        .param("now", Utc.of(now))
        .param("tenant", tenant.value())
        .param("id", id)
        .update() == 1;
  }

  /** Neither used nor withdrawn (expired or not). */
  Optional<Link> open(TenantId tenant, Purpose purpose, UUID id) {
    return jdbc.sql("select " + COLUMNS + """
             from access_token
            where tenant_id = :tenant and token_id = :id and purpose = :purpose
              and used_at is null and withdrawn_at is null
            """)
        .param("tenant", tenant.value())
        .param("id", id)
        .param("purpose", purpose.name())
        .query(AccessTokenRepository::link)
        .optional();
  }

  boolean pendingFor(TenantId tenant, Purpose purpose, String email, Instant now) {
    return jdbc.sql("""
            select count(*) from access_token
             where tenant_id = :tenant and purpose = :purpose and email = :email
               and used_at is null and withdrawn_at is null and expires_at > :now
            """)
        .param("tenant", tenant.value())
        .param("purpose", purpose.name())
        .param("email", email)
        .param("now", Utc.of(now))
        .query(Long.class)
        .single() > 0;
  }

  List<Link> openList(TenantId tenant, Purpose purpose, PageRequest page) {
    return jdbc.sql("select " + COLUMNS + """
             from access_token
            where tenant_id = :tenant and purpose = :purpose and used_at is null and withdrawn_at is null
            order by created_at, token_id limit :limit offset :offset
            """)
        .param("tenant", tenant.value())
        .param("purpose", purpose.name())
        .param("limit", page.size())
        .param("offset", page.offset())
        .query(AccessTokenRepository::link)
        .list();
  }

  long openCount(TenantId tenant, Purpose purpose) {
    return jdbc.sql("""
            select count(*) from access_token
             where tenant_id = :tenant and purpose = :purpose and used_at is null and withdrawn_at is null
            """)
        .param("tenant", tenant.value())
        .param("purpose", purpose.name())
        .query(Long.class)
        .single();
  }

  /** A new token for the same link (a resend): the old one stops working, the validity starts again. */
  int renew(TenantId tenant, UUID id, String hash, Instant now, Instant expiresAt) {
    return jdbc.sql("""
            update access_token set token_hash = :hash, created_at = :now, expires_at = :expires
             where tenant_id = :tenant and token_id = :id and used_at is null and withdrawn_at is null
            """)
        .param("hash", hash)
        .param("now", Utc.of(now))
        .param("expires", Utc.of(expiresAt))
        .param("tenant", tenant.value())
        .param("id", id)
        .update();
  }

  int withdraw(TenantId tenant, UUID id, Instant now) {
    return jdbc.sql("""
            update access_token set withdrawn_at = :now
             where tenant_id = :tenant and token_id = :id and used_at is null and withdrawn_at is null
            """)
        .param("now", Utc.of(now))
        .param("tenant", tenant.value())
        .param("id", id)
        .update();
  }

  /** Expired open links to an address: a new invitation replaces them. */
  void withdrawExpired(TenantId tenant, Purpose purpose, String email, Instant now) {
    jdbc.sql("""
            update access_token set withdrawn_at = :now
             where tenant_id = :tenant and purpose = :purpose and email = :email
               and used_at is null and withdrawn_at is null and expires_at <= :now
            """)
        .param("now", Utc.of(now))
        .param("tenant", tenant.value())
        .param("purpose", purpose.name())
        .param("email", email)
        .update();
  }

  /** Once a reset link was used, the account's other reset links stop working. */
  void withdrawResets(TenantId tenant, String username, Instant now) {
    jdbc.sql("""
            update access_token set withdrawn_at = :now
             where tenant_id = :tenant and purpose = 'PASSWORD_RESET' and username = :username
               and used_at is null and withdrawn_at is null
            """)
        .param("now", Utc.of(now))
        .param("tenant", tenant.value())
        .param("username", username)
        .update();
  }

  private static Link link(ResultSet rs, int row) throws SQLException {
    String roles = rs.getString("roles");
    Set<Role> set = EnumSet.noneOf(Role.class);
    if (roles != null && !roles.isBlank()) {
      Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(set::add);
    }
    String locale = rs.getString("locale");
    return new Link(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("token_id", UUID.class),
        Purpose.valueOf(rs.getString("purpose")), rs.getString("email"), rs.getString("display_name"), set,
        locale == null ? null : Locale.forLanguageTag(locale), rs.getString("username"), rs.getString("created_by"),
        Utc.read(rs, "created_at"), Utc.read(rs, "expires_at"), Utc.read(rs, "used_at"),
        Utc.read(rs, "withdrawn_at"));
  }
}
