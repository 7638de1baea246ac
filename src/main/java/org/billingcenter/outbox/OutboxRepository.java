package org.billingcenter.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's SQL. Its queues span all tenants on purpose (a node dispatches for everyone), so
 * the claims filter by state, not tenant; every write names the row's tenant. Claims lock rows with
 * SKIP LOCKED: dispatchers on any number of nodes split the work, and a killed node's locks vanish
 * with its connection.
 */
@Repository
class OutboxRepository {

  /** A claimed delivery and the instant its retry budget counts from (creation or last replay). */
  record Claimed(Delivery delivery, Instant budgetStart) {}

  /** One try's outcome, to record: the delivery's new status and, while PENDING, its next try. */
  record Tried(Delivery delivery, Instant at, Attempt attempt, DeliveryStatus status, Instant nextAttemptAt) {}

  /** A delivery to create. */
  record Target(OutboxEvent event, Channel channel, String target) {}

  private static final int DETAIL_LENGTH = 1000;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  OutboxRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * The oldest events not fanned out yet, locked for this transaction. Only types this version
   * knows: one written by a newer node during an upgrade waits for a node that knows it.
   */
  List<OutboxEvent> claimEventsToFanOut(int limit) {
    return jdbc.sql(
            """
            select tenant_id, event_id, event_type, occurred_at, subject_id, data from outbox_event
             where fanned_out = false and event_type in (:known)
             order by seq
             fetch first :limit rows only
             for update skip locked
            """)
        .param("known", Arrays.stream(EventType.values()).map(EventType::wireName).toList())
        .param("limit", limit)
        .query((rs, i) -> event(rs).orElseThrow())
        .list();
  }

  /** Inserts the deliveries, due now; one that exists already (same event, channel, target) stays as it is. */
  void insertDeliveries(List<Target> targets, Instant now) {
    if (targets.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        """
        insert into delivery (tenant_id, delivery_id, event_id, channel, target, status, attempts,
                              created_at, next_attempt_at)
        values (:tenant, :id, :event, :channel, :target, 'PENDING', 0, :now, :now)
        on conflict do nothing
        """,
        targets.stream().map(t -> new MapSqlParameterSource()
            .addValue("tenant", t.event().tenant().value())
            .addValue("id", UUID.randomUUID())
            .addValue("event", t.event().eventId())
            .addValue("channel", t.channel().name())
            .addValue("target", t.target())
            .addValue("now", Utc.of(now))).toArray(MapSqlParameterSource[]::new));
  }

  void markFannedOut(Collection<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return;
    }
    jdbc.sql("update outbox_event set fanned_out = true where event_id in (:ids)").param("ids", eventIds).update();
  }

  /** Up to {@code limit} due PENDING deliveries over these channels, most overdue first, locked. */
  List<Claimed> claimDue(Collection<Channel> channels, Instant now, int limit) {
    return jdbc.sql(
            """
            select tenant_id, delivery_id, event_id, channel, target, attempts, created_at, replayed_at
              from delivery
             where status = 'PENDING' and next_attempt_at <= :now and channel in (:channels)
             order by next_attempt_at
             fetch first :limit rows only
             for update skip locked
            """)
        .param("now", Utc.of(now))
        .param("channels", channels.stream().map(Channel::name).toList())
        .param("limit", limit)
        .query((rs, i) -> {
          Instant replayed = Utc.read(rs, "replayed_at");
          return new Claimed(new Delivery(new TenantId(rs.getObject("tenant_id", UUID.class)),
              rs.getObject("delivery_id", UUID.class), rs.getObject("event_id", UUID.class),
              Channel.valueOf(rs.getString("channel")), rs.getString("target"), rs.getInt("attempts")),
              replayed != null ? replayed : Utc.read(rs, "created_at"));
        })
        .list();
  }

  /** The events these deliveries carry, by id (an event of an unknown type is absent). */
  Map<UUID, OutboxEvent> events(Collection<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql(
            """
            select tenant_id, event_id, event_type, occurred_at, subject_id, data
              from outbox_event where event_id in (:ids)
            """)
        .param("ids", eventIds)
        .query((rs, i) -> event(rs))
        .list().stream().flatMap(Optional::stream)
        .collect(Collectors.toMap(OutboxEvent::eventId, Function.identity()));
  }

  /** Records each try (a delivery_attempt row) and the delivery's new state, in two JDBC batches. */
  void record(List<Tried> tries) {
    if (tries.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        """
        insert into delivery_attempt (tenant_id, delivery_id, attempt_no, attempted_at, outcome, code,
                                      latency_ms, detail)
        values (:tenant, :id, :n, :at, :outcome, :code, :latency, :detail)
        """, params(tries));
    batch.batchUpdate(
        """
        update delivery set status = :status, attempts = :n, last_attempt_at = :at, last_code = :code,
               last_detail = :detail, next_attempt_at = :next, finished_at = :finished
         where tenant_id = :tenant and delivery_id = :id
        """, params(tries));
  }

  /** Pushes deliveries no channel bean here can send to later, without counting a try. */
  void postpone(Collection<Delivery> deliveries, Instant until) {
    for (Delivery d : deliveries) {
      jdbc.sql("update delivery set next_attempt_at = :until where tenant_id = :tenant and delivery_id = :id")
          .param("until", Utc.of(until)).param("tenant", d.tenant().value()).param("id", d.deliveryId())
          .update();
    }
  }

  /** PENDING deliveries due at {@code now} (the metrics' backlog gauge). */
  long countDue(Instant now) {
    return jdbc.sql("select count(*) from delivery where status = 'PENDING' and next_attempt_at <= :now")
        .param("now", Utc.of(now)).query(Long.class).single();
  }

  private static MapSqlParameterSource[] params(List<Tried> tries) {
    return tries.stream().map(t -> new MapSqlParameterSource()
        .addValue("tenant", t.delivery().tenant().value())
        .addValue("id", t.delivery().deliveryId())
        .addValue("n", t.delivery().attempts() + 1)
        .addValue("at", Utc.of(t.at()))
        .addValue("outcome", t.attempt().outcome().name())
        .addValue("code", t.attempt().code(), Types.INTEGER)
        .addValue("latency", t.attempt().latencyMillis())
        .addValue("detail", truncate(t.attempt().detail()), Types.VARCHAR)
        .addValue("status", t.status().name())
        .addValue("next", Utc.of(t.status() == DeliveryStatus.PENDING ? t.nextAttemptAt() : t.at()))
        .addValue("finished", t.status() == DeliveryStatus.PENDING ? null : Utc.of(t.at()),
            Types.TIMESTAMP_WITH_TIMEZONE))
        .toArray(MapSqlParameterSource[]::new);
  }

  private static Optional<OutboxEvent> event(ResultSet rs) throws SQLException {
    Optional<EventType> type = EventType.ofWireName(rs.getString("event_type"));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new OutboxEvent(new TenantId(rs.getObject("tenant_id", UUID.class)),
        rs.getObject("event_id", UUID.class), type.get(), Utc.read(rs, "occurred_at"),
        rs.getString("subject_id"), rs.getString("data")));
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH);
  }
}
