package org.billingcenter.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A sender's claim on the send queue in the database (queued attempts, unsent refunds): the oldest
 * rows no other transaction holds ({@code FOR UPDATE SKIP LOCKED}), marked in the same transaction,
 * so senders on every node take disjoint chunks.
 */
@Repository
class SendQueueRepository {

  private final JdbcClient jdbc;

  SendQueueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The rows claimed, by their primary key (tenant first). */
  record Claimed(List<UUID> tenants, List<UUID> ids) {
    boolean isEmpty() {
      return ids.isEmpty();
    }
  }

  /**
   * Claims up to {@code limit} rows of {@code table} matching {@code where}, oldest first, and
   * applies {@code set} to them ({@code :now} is bound). The SQL parts are the callers' constants.
   */
  Claimed claim(String table, String idColumn, String where, String set, int limit, Instant now) {
    List<UUID[]> rows = jdbc.sql("select tenant_id, " + idColumn + " from " + table + " where " + where
            + " order by created_at fetch first :limit rows only for update skip locked")
        .param("limit", limit)
        .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
        .list();
    Claimed claimed = new Claimed(rows.stream().map(r -> r[0]).distinct().toList(), rows.stream().map(r -> r[1]).toList());
    if (!claimed.isEmpty()) {
      // By the primary key, tenant first: the claimed rows only, never a scan of the table.
      jdbc.sql("update " + table + " set " + set + " where tenant_id in (:tenants) and " + idColumn + " in (:ids)")
          .param("now", Utc.of(now)).param("tenants", claimed.tenants()).param("ids", claimed.ids()).update();
    }
    return claimed;
  }
}
