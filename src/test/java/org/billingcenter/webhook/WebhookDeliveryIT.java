package org.billingcenter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.outbox.Attempt;
import org.billingcenter.outbox.Channel;
import org.billingcenter.outbox.Delivery;
import org.billingcenter.outbox.DeliveryChannel;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Deliveries;
import org.billingcenter.outbox.DeliveryRecord;
import org.billingcenter.outbox.DeliveryStatus;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.outbox.OutboxDispatcher;
import org.billingcenter.outbox.OutboxEvent;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.Outboxes;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks delivered to a real HTTP receiver on loopback (hence private targets allowed here), the
 * channel called as the dispatcher calls it.
 */
@TestPropertySource(properties = "billing-center.webhooks.allow-private-targets=true")
class WebhookDeliveryIT extends DatabaseIT {

  @Autowired WebhookService webhooks;
  @Autowired Outbox outbox;
  @Autowired List<DeliveryChannel> channels;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired Deliveries deliveries;

  Receiver receiver;
  Given org;

  @BeforeEach
  void receiver() throws Exception {
    receiver = new Receiver();
    org = tenants.tenant(0);
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private DeliveryChannel channel() {
    return channels.stream().filter(c -> c instanceof WebhookChannel).findFirst().orElseThrow();
  }

  private WebhookEndpoint.NewSecret register(String path, String... types) {
    return webhooks.register(Owner.of(org.id()), new NewWebhookEndpoint(receiver.url(path), List.of(types), "test"), "admin");
  }

  private OutboxEvent cancelled(TenantId tenant) {
    UUID subscription = UUID.randomUUID();
    Map<String, Object> data = Map.of("subscriptionId", subscription.toString(), "actor", "admin");
    UUID id = transaction.execute(s -> outbox.append(tenant, EventType.SUBSCRIPTION_CANCELLED, subscription, data));
    return new OutboxEvent(tenant, id, EventType.SUBSCRIPTION_CANCELLED, clock.instant(), subscription.toString(),
        json.writeValueAsString(data));
  }

  private Attempt send(OutboxEvent event, String target, int attempts) {
    return channel().send(new Delivery(event.tenant(), UUID.randomUUID(), event.eventId(),
        Channel.WEBHOOK, target, attempts), event);
  }

  /** Runs the dispatcher until it finds nothing more to fan out or send now. */
  private void drain() {
    Outboxes.drain(dispatcher);
  }

  private DeliveryRecord deliveryOf(OutboxEvent event, WebhookEndpoint.NewSecret endpoint) {
    UUID id = jdbc.sql("select delivery_id from delivery where tenant_id = :t and event_id = :e and target = :target")
        .param("t", event.tenant().value()).param("e", event.eventId()).param("target", endpoint.endpoint().id().toString())
        .query(UUID.class).single();
    return deliveries.find(id).orElseThrow();
  }

  /** End to end: an admin cancels through the API; the event it wrote reaches the endpoint once, signed. */
  @Test
  void a_cancellation_through_the_api_is_delivered_once_to_the_subscribed_endpoint_with_a_valid_signature()
      throws Exception {
    Given own = tenants.tenant(3);
    Subscription s = tenants.subscription(own, 2, 1);
    var ok = webhooks.register(Owner.of(own.id()),
        new NewWebhookEndpoint(receiver.url("/ok"), List.of("subscription.cancelled"), "e2e"), "admin");
    drain();
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/cancellation").with(httpBasic(own.admin(), own.password())))
        .andExpect(status().is2xxSuccessful());
    drain();
    drain();

    List<UUID> events = jdbc.sql("select event_id from outbox_event where tenant_id = :t and subject_id = :s"
            + " and event_type = 'subscription.cancelled'")
        .param("t", own.id().value()).param("s", s.id().toString()).query(UUID.class).list();
    assertThat(events).as("one event for one cancellation").hasSize(1);
    assertThat(receiver.at("/ok")).as("one delivery").hasSize(1);
    Receiver.Received got = receiver.at("/ok").get(0);
    assertThat(got.header("webhook-id")).isEqualTo(events.get(0).toString());
    new Webhook(ok.secret()).verify(got.body(), got.headers());
    JsonNode body = json.readTree(got.body());
    assertThat(body.get("type").asString()).isEqualTo("subscription.cancelled");
    assertThat(body.get("data").get("subscriptionId").asString()).isEqualTo(s.id().toString());
  }

  @Test
  void through_the_dispatcher_a_cancellation_is_delivered_exactly_once_with_a_valid_signature() throws Exception {
    var ok = register("/ok", "subscription.cancelled");
    OutboxEvent event = cancelled(org.id());
    drain();
    drain();
    assertThat(receiver.at("/ok")).hasSize(1);
    Receiver.Received got = receiver.at("/ok").get(0);
    assertThat(got.header("webhook-id")).isEqualTo(event.eventId().toString());
    new Webhook(ok.secret()).verify(got.body(), got.headers());
    DeliveryRecord delivery = deliveryOf(event, ok);
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(delivery.tries()).hasSize(1).first().satisfies(t -> assertThat(t.code()).isEqualTo(204));
  }

  @Test
  void through_the_dispatcher_a_receiver_failing_three_times_gets_it_on_the_fourth_try_with_the_same_webhook_id()
      throws Exception {
    var flaky = register("/flaky", "subscription.cancelled");
    OutboxEvent event = cancelled(org.id());
    drain();
    for (int i = 0; i < 3; i++) {
      DeliveryRecord pending = deliveryOf(event, flaky);
      assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
      clock.set(pending.nextAttemptAt());
      drain();
    }
    DeliveryRecord done = deliveryOf(event, flaky);
    assertThat(done.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(done.tries()).extracting(DeliveryRecord.Try::code).containsExactly(500, 500, 500, 200);
    assertThat(receiver.at("/flaky")).hasSize(4)
        .extracting(r -> r.header("webhook-id")).containsOnly(event.eventId().toString());
    Receiver.Received last = receiver.at("/flaky").get(3);
    new Webhook(flaky.secret()).verify(last.body(), last.headers());
  }

  @Test
  void a_cancellation_reaches_the_subscribed_endpoint_once_with_a_valid_signature() throws Exception {
    var ok = register("/ok", "subscription.cancelled");
    register("/down", "subscription.created");
    Given other = tenants.tenant(0);
    OutboxEvent event = cancelled(org.id());

    Map<UUID, List<String>> targets = channel().targetsFor(List.of(event, cancelled(other.id())));
    assertThat(targets).containsOnlyKeys(event.eventId());
    assertThat(targets.get(event.eventId())).containsExactly(ok.endpoint().id().toString());

    Attempt attempt = send(event, ok.endpoint().id().toString(), 0);
    assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.DELIVERED);
    assertThat(attempt.code()).isEqualTo(204);
    assertThat(receiver.received).hasSize(1);
    Receiver.Received got = receiver.received.get(0);
    assertThat(got.header("webhook-id")).isEqualTo(event.eventId().toString());
    new Webhook(ok.secret()).verify(got.body(), got.headers());
    JsonNode body = json.readTree(got.body());
    assertThat(body.get("id").asString()).isEqualTo(event.eventId().toString());
    assertThat(body.get("type").asString()).isEqualTo("subscription.cancelled");
    assertThat(body.get("version").asString()).isEqualTo(EventType.VERSION);
    assertThat(body.get("tenantId").asString()).isEqualTo(org.id().value().toString());
    assertThat(body.get("data").get("actor").asString()).isEqualTo("admin");
  }

  @Test
  void the_operators_endpoint_gets_every_organisations_events_and_theirs_only_their_own() {
    var operator = webhooks.register(Owner.OPERATOR,
        new NewWebhookEndpoint(receiver.url("/ok"), List.of("subscription.cancelled"), null), "op");
    var mine = register("/ok", "subscription.cancelled");
    Given other = tenants.tenant(0);
    OutboxEvent ofOther = cancelled(other.id());
    OutboxEvent ofMine = cancelled(org.id());
    Map<UUID, List<String>> targets = channel().targetsFor(List.of(ofOther, ofMine));
    assertThat(targets.get(ofOther.eventId())).containsExactly(operator.endpoint().id().toString());
    assertThat(targets.get(ofMine.eventId()))
        .containsExactlyInAnyOrder(operator.endpoint().id().toString(), mine.endpoint().id().toString());
    // Another tenant's delivery can never be sent to an organisation's endpoint.
    assertThat(send(ofOther, mine.endpoint().id().toString(), 0).outcome()).isEqualTo(Attempt.Outcome.GIVE_UP);
    webhooks.delete(Owner.OPERATOR, operator.endpoint().id(), "op");
  }

  @Test
  void a_receiver_failing_three_times_gets_it_on_the_fourth_try_with_the_same_webhook_id() throws Exception {
    var flaky = register("/flaky", "subscription.cancelled");
    OutboxEvent event = cancelled(org.id());
    for (int i = 0; i < 3; i++) {
      Attempt failed = send(event, flaky.endpoint().id().toString(), i);
      assertThat(failed.outcome()).isEqualTo(Attempt.Outcome.RETRY);
      assertThat(failed.code()).isEqualTo(500);
      assertThat(webhooks.get(Owner.of(org.id()), flaky.endpoint().id()).failingSince()).isEqualTo(DatabaseIT.START);
      clock.advance(Duration.ofMinutes(10));
    }
    assertThat(send(event, flaky.endpoint().id().toString(), 3).outcome()).isEqualTo(Attempt.Outcome.DELIVERED);
    assertThat(receiver.at("/flaky")).hasSize(4)
        .extracting(r -> r.header("webhook-id")).containsOnly(event.eventId().toString());
    new Webhook(flaky.secret()).verify(receiver.at("/flaky").get(3).body(), receiver.at("/flaky").get(3).headers());
    assertThat(webhooks.get(Owner.of(org.id()), flaky.endpoint().id()).failingSince()).as("cleared on success").isNull();
  }

  @Test
  void a_redirect_is_not_followed_and_counts_as_a_failure() {
    var redirect = register("/redirect", "subscription.cancelled");
    Attempt attempt = send(cancelled(org.id()), redirect.endpoint().id().toString(), 0);
    assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.RETRY);
    assertThat(attempt.code()).isEqualTo(302);
    assertThat(receiver.at("/ok")).isEmpty();
  }

  @Test
  void of_a_huge_answer_only_64_kb_are_read() throws Exception {
    var big = register("/big", "subscription.cancelled");
    Attempt attempt = send(cancelled(org.id()), big.endpoint().id().toString(), 0);
    assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.DELIVERED);
    assertThat(attempt.detail()).hasSize(WebhookPoster.EXCERPT_CHARS);
    Thread.sleep(500);
    assertThat(receiver.bigWritten.get()).as("the receiver could not write it all").isLessThan(Receiver.BIG);
  }

  @Test
  void during_a_rotation_both_secrets_sign_and_after_the_overlap_only_the_new_one() throws Exception {
    var ok = register("/ok", "subscription.cancelled");
    var rotated = webhooks.rotate(Owner.of(org.id()), ok.endpoint().id(), "admin");
    assertThat(rotated.secret()).isNotEqualTo(ok.secret()).startsWith("whsec_");
    send(cancelled(org.id()), ok.endpoint().id().toString(), 0);
    Receiver.Received during = receiver.received.get(0);
    assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
    new Webhook(ok.secret()).verify(during.body(), during.headers());
    new Webhook(rotated.secret()).verify(during.body(), during.headers());

    clock.advance(Duration.ofHours(24).plusSeconds(1));
    send(cancelled(org.id()), ok.endpoint().id().toString(), 0);
    Receiver.Received after = receiver.received.get(1);
    assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
    new Webhook(rotated.secret()).verify(after.body(), after.headers());
  }

  @Test
  void an_endpoint_failing_for_five_days_is_disabled_its_admins_are_told_and_it_gets_nothing_more() {
    var down = register("/down", "subscription.cancelled");
    UUID id = down.endpoint().id();
    assertThat(send(cancelled(org.id()), id.toString(), 0).outcome()).isEqualTo(Attempt.Outcome.RETRY);
    clock.advance(Duration.ofDays(5).minusMinutes(1));
    send(cancelled(org.id()), id.toString(), 0);
    assertThat(webhooks.get(Owner.of(org.id()), id).enabled()).as("not yet 5 days").isTrue();
    clock.advance(Duration.ofMinutes(1));
    send(cancelled(org.id()), id.toString(), 0);

    WebhookEndpoint disabled = webhooks.get(Owner.of(org.id()), id);
    assertThat(disabled.status()).isEqualTo(WebhookEndpoint.Status.DISABLED);
    assertThat(disabled.disabledReason()).isEqualTo(EndpointHealth.FAILING_TOO_LONG);
    String data = jdbc.sql("select data from outbox_event where tenant_id = :t and event_type = 'webhook_endpoint.disabled'")
        .param("t", org.id().value()).query(String.class).single();
    assertThat(json.readTree(data).get("endpointId").asString()).isEqualTo(id.toString());
    assertThat(json.readTree(data).get("failingSince").asString()).isEqualTo(DatabaseIT.START.toString());
    assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = 'WEBHOOK_ENDPOINT_DISABLED'")
        .param("t", org.id().value()).query(Long.class).single()).isEqualTo(1);

    int before = receiver.at("/down").size();
    OutboxEvent later = cancelled(org.id());
    assertThat(channel().targetsFor(List.of(later))).isEmpty();
    assertThat(send(later, id.toString(), 0).outcome()).isEqualTo(Attempt.Outcome.GIVE_UP);
    assertThat(receiver.at("/down")).hasSize(before);

    assertThat(webhooks.enable(Owner.of(org.id()), id, "admin").enabled()).isTrue();
    assertThat(webhooks.get(Owner.of(org.id()), id).failingSince()).isNull();
  }

  @Test
  void a_deleted_endpoint_is_given_up() {
    var ok = register("/ok", "subscription.cancelled");
    webhooks.delete(Owner.of(org.id()), ok.endpoint().id(), "admin");
    assertThat(send(cancelled(org.id()), ok.endpoint().id().toString(), 0).outcome()).isEqualTo(Attempt.Outcome.GIVE_UP);
    assertThat(receiver.received).isEmpty();
  }

  @Test
  void a_test_send_is_signed_and_typed_webhook_test() throws Exception {
    var ok = register("/ok", "subscription.cancelled");
    Attempt result = webhooks.test(Owner.of(org.id()), ok.endpoint().id());
    assertThat(result.outcome()).isEqualTo(Attempt.Outcome.DELIVERED);
    Receiver.Received got = receiver.received.get(0);
    new Webhook(ok.secret()).verify(got.body(), got.headers());
    assertThat(json.readTree(got.body()).get("type").asString()).isEqualTo("webhook.test");
  }
}
