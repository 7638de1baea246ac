package org.billingcenter.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.Utc;
import org.springframework.stereotype.Repository;

/**
 * The lifecycle job's outbox events, set-based: each statement writes one event per subscription
 * (or reminder) its step stamped with {@code at}, in the step's transaction, so a re-run of the day
 * (which stamps nothing) writes none. The JSON is built in SQL from ids, plan codes, numbers and
 * dates: nothing in it needs escaping.
 */
@Repository
class LifecycleOutboxRepository {

  /** The columns every subscription event starts with. */
  private static final String SUBJECT =
      "select s.tenant_id, cast(s.subscription_id as varchar(36)) as subject_id, "
          + "'{\"subscriptionId\":\"' || cast(s.subscription_id as varchar(36)) || '\"'";

  private static final String STAMPED = " as data from subscription s where s.status = :status and s.status_changed_at = :at"
      + " and " + notYet("s");

  /**
   * Stamps are instants, and a day run again at the same instant (a day run ahead of time starts at
   * that day's midnight; tests fix the clock) would find the rows an earlier run stamped: the
   * subscription that already has this event at this instant does not get it twice.
   */
  private static String notYet(String alias) {
    return "not exists (select 1 from outbox_event e where e.tenant_id = " + alias + ".tenant_id"
        + " and e.subject_id = cast(" + alias + ".subscription_id as varchar(36))"
        + " and e.event_type = :eventType and e.occurred_at = :at)";
  }

  private final Outbox outbox;

  LifecycleOutboxRepository(Outbox outbox) {
    this.outbox = outbox;
  }

  int trialsConverted(Instant at) {
    return stamped(EventType.TRIAL_CONVERTED, "ACTIVE", at,
        """
         || ',"planId":"' || s.plan_id || '","quantity":' || cast(s.quantity as varchar(12))
         || ',"currentPeriodEnd":"' || cast(s.current_period_end as varchar(10))
         || '","actor":"' || :actor || '"}'
        """, Map.of());
  }

  int trialsExpired(Instant at) {
    return stamped(EventType.TRIAL_EXPIRED, "EXPIRED", at,
        " || ',\"planId\":\"' || s.plan_id || '\",\"trialEnd\":\"' || cast(s.trial_end as varchar(10)) || '\"}'",
        Map.of());
  }

  /** Cancelled at term end: no credit, nobody's licenses taken away by a person (EVENTS.md). */
  int endedAtTerm(Instant at) {
    return stamped(EventType.SUBSCRIPTION_CANCELLED, "DISABLED", at,
        """
         || ',"planId":"' || s.plan_id || '","cancelledAt":"' || :atText || '","actor":"' || :actor
         || '","onBehalf":false,"membersLosingAccess":[]}'
        """, Map.of("atText", at.toString()));
  }

  int expired(Instant at, LocalDate day, LocalDate disablesOn) {
    return stamped(EventType.SUBSCRIPTION_EXPIRED, "EXPIRED", at,
        " || ',\"expiredOn\":\"' || :day || '\",\"disablesOn\":\"' || :next || '\"}'",
        Map.of("day", day.toString(), "next", disablesOn.toString()));
  }

  int disabled(Instant at, LocalDate day, LocalDate deletesOn) {
    return stamped(EventType.SUBSCRIPTION_DISABLED, "DISABLED", at,
        " || ',\"disabledOn\":\"' || :day || '\",\"deletesOn\":\"' || :next || '\"}'",
        Map.of("day", day.toString(), "next", deletesOn.toString()));
  }

  int deleted(Instant at, LocalDate day) {
    return stamped(EventType.SUBSCRIPTION_DELETED, "DELETED", at,
        " || ',\"deletedOn\":\"' || :day || '\"}'", Map.of("day", day.toString()));
  }

  /**
   * One trial.will_end per reminder row recorded at {@code at}; a trial that will convert says
   * with how many licenses (TrialPolicy.conversionQuantity, as the conversion step computes it).
   */
  int trialReminders(Instant at, int daysBefore) {
    return outbox.appendSelected(EventType.TRIAL_WILL_END, at,
        """
        select s.tenant_id, cast(s.subscription_id as varchar(36)) as subject_id,
               '{"subscriptionId":"' || cast(s.subscription_id as varchar(36)) || '","planId":"' || s.plan_id
               || '","trialEnd":"' || cast(r.trial_end as varchar(10))
               || '","daysBefore":' || cast(r.days_before as varchar(4))
               || case when s.payment_method_id is not null and s.auto_renew
                       then ',"converts":true,"conversionQuantity":' || cast(greatest(coalesce(s.conversion_quantity, 0),
                              (select count(*) from license_assignment a
                                where a.tenant_id = s.tenant_id and a.subscription_id = s.subscription_id),
                              1) as varchar(12))
                       else ',"converts":false' end
               || '}' as data
          from trial_reminder r
          join subscription s on s.tenant_id = r.tenant_id and s.subscription_id = r.subscription_id
         where r.recorded_at = :at and r.days_before = :daysBefore and %s
        """.formatted(notYet("s")),
        Map.of("at", Utc.of(at), "daysBefore", daysBefore, "eventType", EventType.TRIAL_WILL_END.wireName()));
  }

  private int stamped(EventType type, String status, Instant at, String rest, Map<String, Object> params) {
    Map<String, Object> all = new java.util.HashMap<>(params);
    all.put("status", status);
    all.put("at", Utc.of(at));
    all.put("actor", LifecycleRepository.ACTOR);
    all.put("eventType", type.wireName());
    return outbox.appendSelected(type, at, SUBJECT + rest + STAMPED, all);
  }
}
