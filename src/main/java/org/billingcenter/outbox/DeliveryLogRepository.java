package org.billingcenter.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery log's SQL: a target's deliveries, one with its tries, replays. */
@Repository
class DeliveryLogRepository {

  private static final String COLUMNS =
      """
      d.tenant_id, d.delivery_id, d.event_id, e.event_type, d.channel, d.target, d.status, d.attempts,
      d.created_at, d.next_attempt_at, d.last_attempt_at, d.last_code, d.last_detail, d.finished_at
      """;

  private final JdbcClient jdbc;

  DeliveryLogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A target's deliveries, newest first, optionally of one status. */
  Page<DeliveryRecord> forTarget(Channel channel, String target, DeliveryStatus status, PageRequest page) {
    String where = " where d.channel = :channel and d.target = :target"
        + (status == null ? "" : " and d.status = :status");
    List<DeliveryRecord> items = jdbc.sql("select " + COLUMNS
            + " from delivery d join outbox_event e on e.tenant_id = d.tenant_id and e.event_id = d.event_id"
            + where + " order by d.created_at desc, d.delivery_id limit :limit offset :offset")
        .param("channel", channel.name())
        .param("target", target)
        .param("status", status == null ? null : status.name())
        .param("limit", page.size())
        .param("offset", (long) (page.page() - 1) * page.size())
        .query((rs, i) -> row(rs, List.of()))
        .list();
    long total = jdbc.sql("select count(*) from delivery d" + where)
        .param("channel", channel.name())
        .param("target", target)
        .param("status", status == null ? null : status.name())
        .query(Long.class)
        .single();
    return new Page<>(items, page, total);
  }

  /** One delivery with its tries, oldest try first. */
  Optional<DeliveryRecord> find(UUID deliveryId) {
    Optional<DeliveryRecord> head = jdbc.sql("select " + COLUMNS
            + " from delivery d join outbox_event e on e.tenant_id = d.tenant_id and e.event_id = d.event_id"
            + " where d.delivery_id = :id")
        .param("id", deliveryId)
        .query((rs, i) -> row(rs, List.of()))
        .optional();
    return head.map(d -> withTries(d, jdbc.sql(
            """
            select attempt_no, attempted_at, outcome, code, latency_ms, detail
              from delivery_attempt where tenant_id = :tenant and delivery_id = :id order by attempt_no
            """)
        .param("tenant", d.tenant().value())
        .param("id", deliveryId)
        .query((rs, i) -> new DeliveryRecord.Try(rs.getInt("attempt_no"), Utc.read(rs, "attempted_at"),
            Attempt.Outcome.valueOf(rs.getString("outcome")), (Integer) rs.getObject("code"),
            rs.getLong("latency_ms"), rs.getString("detail")))
        .list()));
  }

  /**
   * Sends a delivery again, as soon as a dispatcher is free, under the same ids (receivers
   * de-duplicate by the event id): a FAILED or DELIVERED one goes back to PENDING with a fresh retry
   * budget; a PENDING one is just made due now. False when there is no such delivery.
   */
  boolean replay(UUID deliveryId, Instant now) {
    return jdbc.sql(
            """
            update delivery set status = 'PENDING', next_attempt_at = :now, finished_at = null,
                   replayed_at = :now
             where delivery_id = :id
            """)
        .param("id", deliveryId)
        .param("now", Utc.of(now))
        .update() == 1;
  }

  /** Every FAILED delivery to the target created since {@code since}, replayed; returns how many. */
  int replayFailed(Channel channel, String target, Instant since, Instant now) {
    return jdbc.sql(
            """
            update delivery set status = 'PENDING', next_attempt_at = :now, finished_at = null,
                   replayed_at = :now
             where channel = :channel and target = :target and status = 'FAILED' and created_at >= :since
            """)
        .param("channel", channel.name())
        .param("target", target)
        .param("since", Utc.of(since))
        .param("now", Utc.of(now))
        .update();
  }

  private static DeliveryRecord withTries(DeliveryRecord d, List<DeliveryRecord.Try> tries) {
    return new DeliveryRecord(d.tenant(), d.deliveryId(), d.eventId(), d.eventType(), d.channel(), d.target(),
        d.status(), d.attempts(), d.createdAt(), d.nextAttemptAt(), d.lastAttemptAt(), d.lastCode(),
        d.lastDetail(), d.finishedAt(), tries);
  }

  private static DeliveryRecord row(ResultSet rs, List<DeliveryRecord.Try> tries) throws SQLException {
    return new DeliveryRecord(new TenantId(rs.getObject("tenant_id", UUID.class)),
        rs.getObject("delivery_id", UUID.class), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
        Channel.valueOf(rs.getString("channel")), rs.getString("target"),
        DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), Utc.read(rs, "created_at"),
        Utc.read(rs, "next_attempt_at"), Utc.read(rs, "last_attempt_at"), (Integer) rs.getObject("last_code"),
        rs.getString("last_detail"), Utc.read(rs, "finished_at"), tries);
  }

  // Issue 17 runs: begin
  /** One grouped count over the (status, next_attempt_at) index; channels without any show zeros. */
  java.util.Map<Channel, Deliveries.Backlog> backlog() {
    java.util.Map<Channel, long[]> counts = new java.util.EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      counts.put(c, new long[2]);
    }
    jdbc.sql("select channel, status, count(*) as n from delivery where status in ('PENDING', 'FAILED')"
            + " group by channel, status")
        .query((rs, i) -> counts.get(Channel.valueOf(rs.getString("channel")))[
            "PENDING".equals(rs.getString("status")) ? 0 : 1] = rs.getLong("n"))
        .list();
    java.util.Map<Channel, Deliveries.Backlog> backlog = new java.util.EnumMap<>(Channel.class);
    counts.forEach((c, n) -> backlog.put(c, new Deliveries.Backlog(n[0], n[1])));
    return backlog;
  }
  // Issue 17 runs: end
}
