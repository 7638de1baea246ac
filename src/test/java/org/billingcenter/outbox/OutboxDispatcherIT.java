package org.billingcenter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billingcenter.outbox.Attempt.Outcome.DELIVERED;
import static org.billingcenter.outbox.Attempt.Outcome.GIVE_UP;
import static org.billingcenter.outbox.Attempt.Outcome.RETRY;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dispatcher on one node, driven round by round on the test clock: fan-out, delivery, the retry
 * schedule and its budget, giving up, replays. Every try of one delivery carries the same delivery
 * and event ids.
 */
class OutboxDispatcherIT extends AbstractOutboxIT {

  @Autowired PurgeRepository purges;

  @Test
  void an_appended_event_is_fanned_out_and_delivered_once() {
    TenantId tenant = tenants.tenant(0).id();
    String target = unique("once");
    channel.route(tenant, target);

    UUID event = append(tenant);
    drain();
    drain();

    assertThat(channel.sentTo(target)).singleElement().extracting(ScriptedChannel.Sent::eventId).isEqualTo(event);
    DeliveryRecord d = delivery(event, target);
    assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.finishedAt()).isEqualTo(START);
    assertThat(d.tries()).singleElement().satisfies(t -> {
      assertThat(t.outcome()).isEqualTo(DELIVERED);
      assertThat(t.code()).isEqualTo(200);
    });
    assertThat(jdbc.sql("select fanned_out from outbox_event where event_id = :e").param("e", event)
        .query(Boolean.class).single()).isTrue();
  }

  @Test
  void a_target_failing_three_times_gets_it_on_the_fourth_try_with_the_same_ids_after_the_backoff() {
    TenantId tenant = tenants.tenant(0).id();
    String target = unique("flaky");
    channel.route(tenant, target);
    channel.script(target, RETRY, RETRY, RETRY, DELIVERED);
    UUID event = append(tenant);

    drain();
    long[] backoffSeconds = {5, 15, 45};
    for (int failed = 1; failed <= 3; failed++) {
      DeliveryRecord d = delivery(event, target);
      assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(d.attempts()).isEqualTo(failed);
      Duration wait = Duration.between(clock.instant(), d.nextAttemptAt());
      assertThat(wait).as("backoff after try " + failed)
          .isBetween(Duration.ofMillis(backoffSeconds[failed - 1] * 800), Duration.ofMillis(backoffSeconds[failed - 1] * 1200));

      clock.set(d.nextAttemptAt().minusMillis(1));
      drain();
      assertThat(channel.sentTo(target)).as("not before its time").hasSize(failed);
      clock.set(d.nextAttemptAt());
      drain();
    }

    List<ScriptedChannel.Sent> sends = channel.sentTo(target);
    assertThat(sends).hasSize(4);
    assertThat(sends).extracting(ScriptedChannel.Sent::eventId).containsOnly(event);
    DeliveryRecord d = delivery(event, target);
    assertThat(sends).extracting(ScriptedChannel.Sent::deliveryId).containsOnly(d.deliveryId());
    assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(d.tries()).extracting(DeliveryRecord.Try::outcome).containsExactly(RETRY, RETRY, RETRY, DELIVERED);
    assertThat(d.tries()).extracting(DeliveryRecord.Try::n).containsExactly(1, 2, 3, 4);
  }

  @Test
  void give_up_from_the_channel_fails_the_delivery_at_once_with_the_detail() {
    TenantId tenant = tenants.tenant(0).id();
    String target = unique("gone");
    channel.route(tenant, target);
    channel.script(target, GIVE_UP);
    UUID event = append(tenant);

    drain();
    clock.advance(Duration.ofDays(1));
    drain();

    DeliveryRecord d = delivery(event, target);
    assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastDetail()).isEqualTo("scripted GIVE_UP");
    assertThat(d.lastCode()).isEqualTo(503);
    assertThat(d.finishedAt()).isEqualTo(START);
    assertThat(channel.sentTo(target)).hasSize(1);
  }

  @Test
  void retries_stop_when_the_budget_of_three_days_is_spent_and_a_replay_gives_a_fresh_one() {
    TenantId tenant = tenants.tenant(0).id();
    String target = unique("down");
    channel.route(tenant, target);
    channel.always(target, RETRY);
    UUID event = append(tenant);

    DeliveryRecord d = runUntilFinished(event, target);
    assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(d.lastAttemptAt()).isBefore(START.plus(Duration.ofDays(3)).plusSeconds(1))
        .as("the budget was used").isAfter(START.plus(Duration.ofDays(3)).minus(Duration.ofHours(13)));
    assertThat(d.attempts()).as("5 s x 3^n up to 10 h, then every 10 h").isBetween(12, 20);
    assertThat(d.tries()).extracting(DeliveryRecord.Try::outcome).containsOnly(RETRY);

    clock.advance(Duration.ofDays(10));
    channel.always(target, DELIVERED);
    channel.script(target, RETRY);
    assertThat(deliveries.replay(d.deliveryId())).isTrue();
    drain();
    DeliveryRecord replayed = delivery(event, target);
    assertThat(replayed.status()).as("the budget counts from the replay").isEqualTo(DeliveryStatus.PENDING);
    clock.set(replayed.nextAttemptAt());
    drain();

    DeliveryRecord done = delivery(event, target);
    assertThat(done.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(done.deliveryId()).isEqualTo(d.deliveryId());
    assertThat(done.attempts()).isEqualTo(d.attempts() + 2);
    assertThat(channel.sentTo(target)).extracting(ScriptedChannel.Sent::eventId).containsOnly(event);
  }

  @Test
  void a_replayed_failed_delivery_is_delivered_again_under_the_same_ids() {
    TenantId tenant = tenants.tenant(0).id();
    String target = unique("replay");
    channel.route(tenant, target);
    channel.script(target, GIVE_UP);
    UUID event = append(tenant);
    drain();
    UUID deliveryId = delivery(event, target).deliveryId();

    clock.advance(Duration.ofHours(2));
    assertThat(deliveries.replay(deliveryId)).isTrue();
    assertThat(deliveries.replay(UUID.randomUUID())).isFalse();
    drain();

    DeliveryRecord d = delivery(event, target);
    assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(d.tries()).extracting(DeliveryRecord.Try::outcome).containsExactly(GIVE_UP, DELIVERED);
    assertThat(channel.sentTo(target)).hasSize(2).allSatisfy(s -> {
      assertThat(s.deliveryId()).isEqualTo(deliveryId);
      assertThat(s.eventId()).isEqualTo(event);
    });
  }

  @Test
  void replay_failed_since_a_time_sends_only_the_later_failures_again() {
    TenantId tenant = tenants.tenant(0).id();
    String target = unique("since");
    channel.route(tenant, target);
    channel.script(target, GIVE_UP, GIVE_UP);
    UUID early = append(tenant);
    drain();
    clock.advance(Duration.ofHours(1));
    UUID late = append(tenant);
    drain();

    clock.advance(Duration.ofHours(1));
    int replayed = deliveries.replayFailed(Channel.WEBHOOK, ScriptedChannel.PREFIX + target, START.plus(Duration.ofMinutes(30)));
    drain();

    assertThat(replayed).isEqualTo(1);
    assertThat(delivery(early, target).status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(delivery(late, target).status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(channel.sentTo(target)).extracting(ScriptedChannel.Sent::eventId).containsExactly(early, late, late);
  }

  @Test
  void a_delivery_no_channel_here_handles_waits_untouched_and_breaks_nothing() {
    TenantId tenant = tenants.tenant(0).id();
    String target = unique("ok");
    channel.route(tenant, target);
    UUID event = append(tenant);
    drain();
    UUID orphan = UUID.randomUUID();
    jdbc.sql("""
        insert into delivery (tenant_id, delivery_id, event_id, channel, target, status, attempts, created_at, next_attempt_at)
        values (:t, :d, :e, 'WEBHOOK', 'elsewhere:x', 'PENDING', 0, :now, :now)
        """).param("t", tenant.value()).param("d", orphan).param("e", event)
        .param("now", org.billingcenter.shared.Utc.of(clock.instant())).update();

    drain();

    DeliveryRecord d = deliveries.find(orphan).orElseThrow();
    assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(d.attempts()).isZero();
    assertThat(d.nextAttemptAt()).isEqualTo(START.plus(DeliverySender.ORPHAN_WAIT));
    assertThat(delivery(event, target).status()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void a_purge_forgets_old_finished_deliveries_with_their_tries_and_events_and_keeps_pending_ones() {
    TenantId tenant = tenants.tenant(0).id();
    String done = unique("purged");
    String waiting = unique("kept");
    channel.route(tenant, done);
    UUID finished = append(tenant);
    drain();
    channel.route(tenant, waiting);
    channel.always(waiting, RETRY);
    UUID pending = append(tenant);
    drain();
    UUID finishedDelivery = delivery(finished, done).deliveryId();

    assertThat(dispatcher.purge()).as("purge-after 0: keep everything").isZero();
    clock.advance(Duration.ofDays(31));
    assertThat(purges.purgeFinishedBefore(clock.instant().minus(Duration.ofDays(30)))).isPositive();

    assertThat(deliveries.find(finishedDelivery)).isEmpty();
    assertThat(count("select count(*) from delivery_attempt where delivery_id = :x", finishedDelivery)).isZero();
    assertThat(count("select count(*) from outbox_event where event_id = :x", finished)).isZero();
    assertThat(delivery(pending, waiting).status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(count("select count(*) from outbox_event where event_id = :x", pending)).isOne();
  }

  private long count(String sql, UUID id) {
    return jdbc.sql(sql).param("x", id).query(Long.class).single();
  }

  private DeliveryRecord runUntilFinished(UUID event, String target) {
    drain();
    for (int i = 0; i < 100; i++) {
      DeliveryRecord d = delivery(event, target);
      if (d.status() != DeliveryStatus.PENDING) {
        return d;
      }
      clock.set(d.nextAttemptAt());
      drain();
    }
    throw new AssertionError("still pending after 100 tries");
  }
}
