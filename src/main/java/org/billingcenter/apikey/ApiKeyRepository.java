package org.billingcenter.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keys and their hashes. Every statement for an owner names it: {@code tenant_id = :tenant} for an
 * organisation's keys, {@code tenant_id is null} for the operator's; the sign-in lookup goes by the
 * unique prefix alone (the key then says whose it is).
 */
@Repository
class ApiKeyRepository {

  private static final String COLUMNS =
      """
      key_id, tenant_id, prefix, name, role, created_by, created_at, expires_at, revoked_at, revoked_by,
      last_used_at
      """;

  /** A key with its hash, as sign-in needs it. */
  record Stored(ApiKey key, byte[] secretHash) {}

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;

  ApiKeyRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  void insert(ApiKey k, byte[] secretHash) {
    jdbc.sql(
            """
            insert into api_key (key_id, tenant_id, prefix, name, role, secret_hash, created_by, created_at,
                                 expires_at)
            values (:id, :tenant, :prefix, :name, :role, :hash, :by, :at, :expires)
            """)
        .param("id", k.id())
        .param("tenant", k.tenant() == null ? null : k.tenant().value())
        .param("prefix", k.prefix())
        .param("name", k.name())
        .param("role", k.role().name())
        .param("hash", HexFormat.of().formatHex(secretHash))
        .param("by", k.createdBy())
        .param("at", Utc.of(k.createdAt()))
        .param("expires", Utc.of(k.expiresAt()))
        .update();
  }

  Optional<ApiKey> find(ApiKeyOwner owner, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from api_key where " + owned(owner) + " and key_id = :id")
        .params(ownerParam(owner))
        .param("id", id)
        .query((rs, i) -> row(rs))
        .optional();
  }

  Page<ApiKey> list(ApiKeyOwner owner, PageRequest page) {
    List<ApiKey> items = jdbc.sql("select " + COLUMNS + " from api_key where " + owned(owner)
            + " order by created_at desc, key_id limit :limit offset :offset")
        .params(ownerParam(owner))
        .param("limit", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> row(rs))
        .list();
    long total = jdbc.sql("select count(*) from api_key where " + owned(owner))
        .params(ownerParam(owner))
        .query(Long.class)
        .single();
    return new Page<>(items, page, total);
  }

  /** Sign-in: the key with this prefix, whoever's it is. */
  Optional<Stored> byPrefix(String prefix) {
    return jdbc.sql("select " + COLUMNS + ", secret_hash from api_key where prefix = :prefix")
        .param("prefix", prefix)
        .query((rs, i) -> new Stored(row(rs), HexFormat.of().parseHex(rs.getString("secret_hash"))))
        .optional();
  }

  /** True when this call revoked it (false: it was revoked already). */
  boolean revoke(ApiKeyOwner owner, UUID id, String by, Instant at) {
    return jdbc.sql("update api_key set revoked_at = :at, revoked_by = :by where " + owned(owner)
            + " and key_id = :id and revoked_at is null")
        .params(ownerParam(owner))
        .param("id", id)
        .param("by", by)
        .param("at", Utc.of(at))
        .update() == 1;
  }

  /** One batched UPDATE for every key used since the last flush; last use only moves forward. */
  void recordLastUse(Map<String, Instant> lastUse) {
    if (lastUse.isEmpty()) {
      return;
    }
    MapSqlParameterSource[] batch = lastUse.entrySet().stream()
        .map(e -> new MapSqlParameterSource("prefix", e.getKey()).addValue("at", Utc.of(e.getValue())))
        .toArray(MapSqlParameterSource[]::new);
    named.batchUpdate("update api_key set last_used_at = :at where prefix = :prefix"
        + " and (last_used_at is null or last_used_at < :at)", batch);
  }

  private static String owned(ApiKeyOwner owner) {
    return owner.isOperator() ? "tenant_id is null" : "tenant_id = :tenant";
  }

  private static Map<String, Object> ownerParam(ApiKeyOwner owner) {
    return owner.isOperator() ? Map.of() : Map.of("tenant", owner.tenant().value());
  }

  private static ApiKey row(ResultSet rs) throws SQLException {
    UUID tenant = rs.getObject("tenant_id", UUID.class);
    return new ApiKey(rs.getObject("key_id", UUID.class), tenant == null ? null : new TenantId(tenant),
        rs.getString("prefix"), rs.getString("name"), Role.valueOf(rs.getString("role")),
        rs.getString("created_by"), Utc.read(rs, "created_at"), Utc.read(rs, "expires_at"),
        Utc.read(rs, "revoked_at"), rs.getString("revoked_by"), Utc.read(rs, "last_used_at"));
  }
}
