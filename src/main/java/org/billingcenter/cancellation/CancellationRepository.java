package org.billingcenter.cancellation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per cancellation: when, why (the survey), the credit, and who. */
@Repository
class CancellationRepository {

  private final JdbcClient jdbc;

  CancellationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(
      TenantId tenant,
      SubscriptionId subscription,
      CancelWhen when,
      LocalDate effectiveOn,
      LeavingReason reason,
      String comment,
      Money credit,
      String actor,
      String assistedNote,
      Instant at) {}

  void insert(Row row) {
    jdbc.sql(
            """
            insert into cancellation (tenant_id, cancellation_id, subscription_id, cancel_when,
                effective_on, reason, user_comment, credit_minor, currency, actor, assisted_note, created_at)
            values (:tenant, :id, :subscription, :when, :effectiveOn, :reason, :comment, :credit,
                    :currency, :actor, :note, :at)
            """)
        .param("tenant", row.tenant().value())
        .param("id", UUID.randomUUID())
        .param("subscription", row.subscription().value())
        .param("when", row.when().name())
        .param("effectiveOn", row.effectiveOn())
        .param("reason", row.reason().name())
        .param("comment", row.comment())
        .param("credit", row.credit().minor())
        .param("currency", row.credit().currency().getCurrencyCode())
        .param("actor", row.actor())
        .param("note", row.assistedNote())
        .param("at", Utc.of(row.at()))
        .update();
  }

  /** Marks the pending term-end cancellation of the subscription as taken back. */
  void markUndone(TenantId tenant, SubscriptionId subscription, Instant at) {
    jdbc.sql(
            """
            update cancellation set undone_at = :at
             where tenant_id = :tenant and subscription_id = :subscription
               and cancel_when = 'END_OF_TERM' and undone_at is null
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("at", Utc.of(at))
        .update();
  }
}
