package org.billingcenter.subscription;

import java.time.Instant;
import java.time.LocalDate;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lifecycle job's set-based statements. Each transition stamps the rows it moves with its own
 * instant, then writes one audit row per stamped subscription: no row is moved twice (a second
 * node's statement finds the status already changed) and none is moved unaudited.
 */
@Repository
class LifecycleRepository {

  static final String ACTOR = "lifecycle-job";

  private final JdbcClient jdbc;

  LifecycleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Trials with conversion on and a payment method become paid; their first period starts on the
   * trial's end day. The quantity is TrialPolicy.conversionQuantity: the admin's number, at least
   * the licenses assigned that day, at least one, never the trial's free allowance. The end is
   * BillingPeriod.nth(trialEnd, 0, frequency) written in SQL for a set-based update: both databases
   * add months the same way, clamping a 31st to the month's last day.
   */
  int convertTrials(LocalDate day, Instant at) {
    return jdbc.sql(
            """
            update subscription s
               set status = 'ACTIVE', status_changed_at = :at, anchor_date = s.trial_end,
                   quantity = greatest(coalesce(s.conversion_quantity, 0),
                                       (select count(*) from license_assignment a
                                         where a.tenant_id = s.tenant_id and a.subscription_id = s.subscription_id),
                                       1),
                   current_period_start = s.trial_end,
                   current_period_end = case
                       when (select p.billing_frequency from plan p where p.plan_id = s.plan_id) = 'ANNUAL'
                       then cast(s.trial_end + interval '1' year as date)
                       else cast(s.trial_end + interval '1' month as date) end
             where s.status = 'TRIAL' and s.trial_end <= :day and s.payment_method_id is not null
               and s.auto_renew = true
            """)
        .param("day", day)
        .param("at", Utc.of(at))
        .update();
  }

  /** Trials that do not convert: no payment method, or conversion turned off (whatever card is on file). */
  int expireTrials(LocalDate day, Instant at) {
    return move("status = 'TRIAL' and trial_end <= :day and (payment_method_id is null or auto_renew = false)",
        "EXPIRED", day, at);
  }

  /** Cancelled at term end, and the term is over: access ends. */
  int endScheduled(LocalDate day, Instant at) {
    int moved = jdbc.sql(
            """
            update subscription set status = 'DISABLED', status_changed_at = :at, cancelled_at = :at,
                   scheduled_cancel_on = null
             where status = 'ACTIVE' and scheduled_cancel_on is not null and scheduled_cancel_on <= :day
            """)
        .param("day", day)
        .param("at", Utc.of(at))
        .update();
    releaseSeats("DISABLED", at);
    return moved;
  }

  /** Recurring billing off, and the term is over. */
  int expireTerms(LocalDate day, Instant at) {
    return move(
        "status = 'ACTIVE' and auto_renew = false and scheduled_cancel_on is null and current_period_end <= :day",
        "EXPIRED", day, at);
  }

  int disableExpired(Instant before, Instant at) {
    return moveOlder("EXPIRED", "DISABLED", before, at);
  }

  /** Gone for good: seats released and personal data about the subscription erased; money kept. */
  int deleteDisabled(Instant before, Instant at) {
    int moved = moveOlder("DISABLED", "DELETED", before, at);
    releaseSeats("DELETED", at);
    jdbc.sql(
            """
            update callback_request set contact_name = '-', phone = '-', notes = null
             where exists (select 1 from subscription s where s.tenant_id = callback_request.tenant_id
                             and s.subscription_id = callback_request.subscription_id
                             and s.status = 'DELETED' and s.status_changed_at = :at)
            """)
        .param("at", Utc.of(at))
        .update();
    jdbc.sql(
            """
            update cancellation set user_comment = null
             where exists (select 1 from subscription s where s.tenant_id = cancellation.tenant_id
                             and s.subscription_id = cancellation.subscription_id
                             and s.status = 'DELETED' and s.status_changed_at = :at)
            """)
        .param("at", Utc.of(at))
        .update();
    return moved;
  }

  /** One audit row for every subscription this step stamped with {@code at}. */
  void audit(String action, String from, String to, Instant at) {
    jdbc.sql(
            """
            insert into audit_event (tenant_id, occurred_at, actor, action, entity_type, entity_id,
                                     before_state, after_state)
            select tenant_id, :at, :actor, :action, 'subscription', cast(subscription_id as varchar(100)),
                   :from, :to
              from subscription where status = :to and status_changed_at = :at
            """)
        .param("at", Utc.of(at))
        .param("actor", ACTOR)
        .param("action", action)
        .param("from", from)
        .param("to", to)
        .update();
  }

  /**
   * The subscriptions this step stamped with {@code at} stopped renewing (expired, ended): their
   * PENDING scheduled changes are voided, one audit row each.
   */
  void voidChanges(Instant at) {
    int voided = jdbc.sql(
            """
            update scheduled_change set status = 'VOIDED', status_changed_at = :at
             where status = 'PENDING'
               and exists (select 1 from subscription s where s.tenant_id = scheduled_change.tenant_id
                             and s.subscription_id = scheduled_change.subscription_id
                             and s.status <> 'ACTIVE' and s.status_changed_at = :at)
            """)
        .param("at", Utc.of(at))
        .update();
    if (voided == 0) {
      return;
    }
    jdbc.sql(
            """
            insert into audit_event (tenant_id, occurred_at, actor, action, entity_type, entity_id,
                                     before_state, after_state)
            select tenant_id, :at, :actor, 'SCHEDULED_CHANGE_VOIDED', 'subscription',
                   cast(subscription_id as varchar(100)),
                   cast(change_id as varchar(40)) || ' ' || kind || ' PENDING', 'VOIDED'
              from scheduled_change where status = 'VOIDED' and status_changed_at = :at
            """)
        .param("at", Utc.of(at))
        .param("actor", ACTOR)
        .update();
  }

  private int move(String where, String to, LocalDate day, Instant at) {
    return jdbc.sql("update subscription set status = :to, status_changed_at = :at where " + where)
        .param("to", to)
        .param("day", day)
        .param("at", Utc.of(at))
        .update();
  }

  private int moveOlder(String from, String to, Instant before, Instant at) {
    return jdbc.sql(
            """
            update subscription set status = :to, status_changed_at = :at
             where status = :from and status_changed_at < :before
            """)
        .param("from", from)
        .param("to", to)
        .param("before", Utc.of(before))
        .param("at", Utc.of(at))
        .update();
  }

  private void releaseSeats(String status, Instant at) {
    jdbc.sql(
            """
            delete from license_assignment
             where exists (select 1 from subscription s where s.tenant_id = license_assignment.tenant_id
                             and s.subscription_id = license_assignment.subscription_id
                             and s.status = :status and s.status_changed_at = :at)
            """)
        .param("status", status)
        .param("at", Utc.of(at))
        .update();
  }

  /**
   * The reminder {@code daysBefore} a trial's end, for trials ending after {@code endsAfter} and on
   * or before {@code endsBy}: a missed day is caught up while the reminder still applies, a later
   * one (fewer days left) takes over after. One row per (trial, trial end, days before): a repeat
   * records nothing, an extension (a new end) re-arms them. Each new row gets a TRIAL_WILL_END
   * audit row, written first from the same selection.
   */
  int recordTrialReminders(int daysBefore, LocalDate endsAfter, LocalDate endsBy, Instant at) {
    String due =
        """
         from subscription s
        where s.status = 'TRIAL' and s.trial_end > :endsAfter and s.trial_end <= :endsBy
          and not exists (select 1 from trial_reminder r
                           where r.tenant_id = s.tenant_id and r.subscription_id = s.subscription_id
                             and r.trial_end = s.trial_end and r.days_before = :daysBefore)
        """;
    jdbc.sql(
            """
            insert into audit_event (tenant_id, occurred_at, actor, action, entity_type, entity_id,
                                     before_state, after_state)
            select s.tenant_id, :at, :actor, 'TRIAL_WILL_END', 'subscription', cast(s.subscription_id as varchar(100)),
                   null, 'ends ' || cast(s.trial_end as varchar(10)) || ', ' || cast(:daysBefore as varchar(4)) || ' days'
            """ + due)
        .param("daysBefore", daysBefore)
        .param("endsAfter", endsAfter)
        .param("endsBy", endsBy)
        .param("at", Utc.of(at))
        .param("actor", ACTOR)
        .update();
    return jdbc.sql(
            """
            insert into trial_reminder (tenant_id, subscription_id, trial_end, days_before, recorded_at)
            select s.tenant_id, s.subscription_id, s.trial_end, :daysBefore, :at
            """ + due + " on conflict do nothing")
        .param("daysBefore", daysBefore)
        .param("endsAfter", endsAfter)
        .param("endsBy", endsBy)
        .param("at", Utc.of(at))
        .update();
  }
}
