package org.billingcenter.api;

import java.time.Instant;
import java.util.Optional;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored answers to POSTs that carried an Idempotency-Key. Rows are scoped by owner (the tenant, or
 * the operator-side account), never shared across tenants.
 */
@Repository
class IdempotencyRepository {

  /** {@code callerRoles}: the first caller's role names, comma-separated; null on rows older than that column. */
  record Stored(
      String requestHash, Integer status, String contentType, String body, Instant createdAt, String callerRoles) {
    boolean finished() {
      return status != null;
    }
  }

  private final JdbcClient jdbc;

  IdempotencyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Stored> find(String owner, String key) {
    return jdbc.sql(
            """
            select request_hash, status_code, content_type, body, created_at, caller_roles
              from idempotency_record where owner = :owner and idem_key = :key
            """)
        .param("owner", owner)
        .param("key", key)
        .query(
            (rs, i) ->
                new Stored(
                    rs.getString("request_hash"),
                    (Integer) rs.getObject("status_code"),
                    rs.getString("content_type"),
                    rs.getString("body"),
                    Utc.read(rs, "created_at"),
                    rs.getString("caller_roles")))
        .optional();
  }

  /**
   * Claims the key for a request about to run: false if it is taken. A twin still running holds the
   * row, so this waits for it to be decided.
   */
  boolean claim(String owner, String key, String hash, String callerRoles, Instant now) {
    return jdbc.sql(
            """
            insert into idempotency_record (owner, idem_key, request_hash, caller_roles, created_at)
            values (:owner, :key, :hash, :roles, :now)
            on conflict do nothing
            """)
        .param("owner", owner)
        .param("key", key)
        .param("hash", hash)
        .param("roles", callerRoles)
        .param("now", Utc.of(now))
        .update() == 1;
  }

  void finish(String owner, String key, int status, String contentType, String body) {
    jdbc.sql(
            """
            update idempotency_record set status_code = :status, content_type = :type, body = :body
             where owner = :owner and idem_key = :key
            """)
        .param("owner", owner)
        .param("key", key)
        .param("status", status)
        .param("type", contentType)
        .param("body", body)
        .update();
  }

  void release(String owner, String key) {
    jdbc.sql("delete from idempotency_record where owner = :owner and idem_key = :key")
        .param("owner", owner)
        .param("key", key)
        .update();
  }
}
