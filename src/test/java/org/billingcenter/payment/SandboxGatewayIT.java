package org.billingcenter.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.billingcenter.payment.PaymentProvider.Answer;
import org.billingcenter.payment.PaymentProvider.Charge;
import org.billingcenter.payment.PaymentProvider.Refund;
import org.billingcenter.shared.Money;
import org.billingcenter.testing.DatabaseIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox provider behind the gateway's timeout and same-key retries, on a real database: each
 * token's documented behaviour, and the proof that an answer lost after the money was taken (a
 * timeout) or a transient error is retried into exactly one charge.
 */
class SandboxGatewayIT extends DatabaseIT {

  @Autowired SandboxProvider sandbox;
  @Autowired JdbcClient jdbc;

  /** The gateway as configured in production, with a 300 ms timeout so the test does not wait 10 s. */
  private GatewayCalls gateway() {
    return new GatewayCalls(sandbox, new SimpleMeterRegistry(), Duration.ofMillis(300), 3, Duration.ofMillis(10));
  }

  private static Charge charge(String token) {
    return new Charge("test_" + UUID.randomUUID(), token, Money.of(4_200, "EUR"));
  }

  private long booked(String key, String outcome) {
    return jdbc.sql("select count(*) from sandbox_charge where idempotency_key = :k and outcome = :o")
        .param("k", key).param("o", outcome).query(Long.class).single();
  }

  @Test
  void the_provider_takes_the_money_then_times_out_and_the_retry_finds_the_one_charge() {
    Charge c = charge("tok_timeout_" + UUID.randomUUID());
    long started = System.nanoTime();

    GatewayCalls.Result result = gateway().charge(c);

    assertThat(result.known()).isTrue();
    assertThat(result.answer().kind()).isEqualTo(Answer.Kind.SUCCEEDED);
    assertThat(result.calls()).as("the timed-out call, then the replay of its key").isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(booked(c.idempotencyKey(), "SUCCEEDED")).as("one charge").isEqualTo(1);
    // Asked again later (the sweep after a crash): the same charge, nothing new.
    assertThat(gateway().charge(c).answer().reference()).isEqualTo(result.answer().reference());
    assertThat(jdbc.sql("select count(*) from sandbox_charge where token = :t").param("t", c.token())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void a_transient_error_is_retried_with_the_same_key_into_one_charge() {
    Charge c = charge("tok_processingError_" + UUID.randomUUID());

    GatewayCalls.Result result = gateway().charge(c);

    assertThat(result.answer().kind()).isEqualTo(Answer.Kind.SUCCEEDED);
    assertThat(result.calls()).isEqualTo(2);
    assertThat(booked(c.idempotencyKey(), "SUCCEEDED")).isEqualTo(1);
  }

  @Test
  void declines_are_final_and_say_why() {
    assertThat(gateway().charge(charge("tok_chargeDeclined")).answer())
        .isEqualTo(new Answer(Answer.Kind.DECLINED, "card_declined", null));
    assertThat(gateway().charge(charge("tok_expiredCard_x")).answer().code()).isEqualTo("expired_card");
    Charge declined = charge("tok_chargeDeclined_" + UUID.randomUUID());
    GatewayCalls.Result first = gateway().charge(declined);
    assertThat(first.calls()).isEqualTo(1);
    assertThat(gateway().charge(declined).answer()).isEqualTo(first.answer()); // a replay: the same answer
    assertThat(booked(declined.idempotencyKey(), "DECLINED")).isEqualTo(1);
  }

  @Test
  void insufficient_funds_declines_twice_then_succeeds_and_other_tokens_succeed() {
    String token = "tok_insufficientFunds_" + UUID.randomUUID();
    assertThat(gateway().charge(charge(token)).answer().code()).isEqualTo("insufficient_funds");
    assertThat(gateway().charge(charge(token)).answer().code()).isEqualTo("insufficient_funds");
    assertThat(gateway().charge(charge(token)).answer().kind()).isEqualTo(Answer.Kind.SUCCEEDED);
    assertThat(gateway().charge(charge("tok_visa")).answer().kind()).isEqualTo(Answer.Kind.SUCCEEDED);
    assertThat(gateway().charge(charge("tok_demo_4242")).answer().kind()).isEqualTo(Answer.Kind.SUCCEEDED);
  }

  @Test
  void refunds_follow_the_tokens_and_a_lost_answer_is_one_refund() {
    Refund r = new Refund("test_refund_" + UUID.randomUUID(), "tok_timeout_" + UUID.randomUUID(), Money.of(1_200, "EUR"));
    GatewayCalls.Result result = gateway().refund(r);
    assertThat(result.answer().kind()).isEqualTo(Answer.Kind.SUCCEEDED);
    assertThat(result.answer().reference()).startsWith("re_");
    assertThat(result.calls()).as("the timed-out call, then the replay of its key").isEqualTo(2);
    assertThat(booked(r.idempotencyKey(), "SUCCEEDED")).isEqualTo(1);

    String failing = "tok_refundFail_" + UUID.randomUUID();
    assertThat(gateway().charge(charge(failing)).answer().kind()).as("its charges succeed").isEqualTo(Answer.Kind.SUCCEEDED);
    assertThat(gateway().refund(new Refund("test_refund_" + UUID.randomUUID(), failing, Money.of(100, "EUR"))).answer())
        .isEqualTo(new Answer(Answer.Kind.DECLINED, "refund_failed", null));
    Refund flaky = new Refund("test_refund_" + UUID.randomUUID(), "tok_processingError_" + UUID.randomUUID(), Money.of(100, "EUR"));
    assertThat(gateway().refund(flaky).calls()).isEqualTo(2);
    assertThat(booked(flaky.idempotencyKey(), "SUCCEEDED")).isEqualTo(1);

    // A token's refunds are not its charges: tok_insufficientFunds still declines its first two charges.
    String funds = "tok_insufficientFunds_" + UUID.randomUUID();
    gateway().refund(new Refund("test_refund_" + UUID.randomUUID(), funds, Money.of(100, "EUR")));
    gateway().refund(new Refund("test_refund_" + UUID.randomUUID(), funds, Money.of(100, "EUR")));
    assertThat(gateway().charge(charge(funds)).answer().code()).isEqualTo("insufficient_funds");
  }
}
