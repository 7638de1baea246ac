package org.billingcenter.outbox;

import java.time.Instant;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Forgets finished deliveries (with their tries) and the events left with no delivery, once older
 * than the cut-off. Across all tenants on purpose, like the dispatcher's queues; idempotent, so
 * nodes purging at once only repeat each other.
 */
@Repository
class PurgeRepository {

  private final JdbcClient jdbc;

  PurgeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns how many deliveries were deleted. */
  int purgeFinishedBefore(Instant cutoff) {
    jdbc.sql(
            """
            delete from delivery_attempt a
             where exists (select 1 from delivery d
                            where d.tenant_id = a.tenant_id and d.delivery_id = a.delivery_id
                              and d.finished_at < :cutoff)
            """)
        .param("cutoff", Utc.of(cutoff))
        .update();
    int deliveries = jdbc.sql("delete from delivery where finished_at < :cutoff")
        .param("cutoff", Utc.of(cutoff))
        .update();
    jdbc.sql(
            """
            delete from outbox_event e
             where e.fanned_out = true and e.occurred_at < :cutoff
               and not exists (select 1 from delivery d where d.tenant_id = e.tenant_id and d.event_id = e.event_id)
            """)
        .param("cutoff", Utc.of(cutoff))
        .update();
    return deliveries;
  }
}
