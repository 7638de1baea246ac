package org.billingcenter.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.Invoice;
import org.billingcenter.billing.InvoiceStatus;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 18, item 1: a refund goes to the payment provider with an idempotency key derived from the
 * refund, a timeout and its outcome recorded. A refund the provider refuses stays owed and is told;
 * a refund whose answer was lost (the provider paid it back, then timed out) is asked about again
 * with the same key and paid back exactly once.
 */
class RefundsIT extends DatabaseIT {

  static final Canceller ADMIN = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);
  static final LocalDate MARCH = LocalDate.of(2026, 3, 10);
  static final LocalDate APRIL = LocalDate.of(2026, 4, 10);

  @Autowired BillingRunService runs;
  @Autowired BillingService billing;
  @Autowired CancellationService cancellations;
  @Autowired AccountService accounts;
  @Autowired RefundRepository refunds;
  @Autowired AttemptRepository attempts;
  @Autowired SandboxProvider sandbox;
  @Autowired PlatformTransactionManager transactions;
  @Autowired AuditLog audit;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;

  /** A refunder whose gateway waits {@code timeout} per call and tries {@code tries} times. */
  private Refunder refunder(int tries) {
    GatewayCalls gateway = new GatewayCalls(sandbox, new SimpleMeterRegistry(), Duration.ofMillis(300), tries,
        Duration.ofMillis(10));
    return new Refunder(refunds, attempts, gateway, transactions, audit, outbox, clock);
  }

  private String refundColumn(Given org, String column) {
    return jdbc.sql("select cast(" + column + " as varchar(100)) from refund where tenant_id = :t")
        .param("t", org.id().value()).query(String.class).single();
  }

  private long events(Given org, String type) {
    return jdbc.sql("select count(*) from outbox_event where tenant_id = :t and event_type = :e")
        .param("t", org.id().value()).param("e", type).query(Long.class).single();
  }

  private String page(String url, Given org, MediaType accept) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(url).accept(accept)
        .with(user(accounts.loadUserByUsername(org.admin())))).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  /** One license bought on 10 March, cancelled three days later: its credit is refunded on 10 April. */
  private void creditRefundedInApril(Given org) {
    Subscription s = tenants.subscription(org, 3, 0);
    runs.run(MARCH);
    clock.set(START.plus(Duration.ofDays(3)));
    cancellations.cancel(org.id(), s.id(), ADMIN, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    clock.set(Instant.parse("2026-04-10T12:00:00Z"));
    runs.run(APRIL);
  }

  @Test
  void the_run_pays_the_refund_back_through_the_provider_under_the_refunds_key() throws Exception {
    Given org = tenants.tenant(0);
    creditRefundedInApril(org);

    String refund = refundColumn(org, "refund_id");
    assertThat(refundColumn(org, "status")).isEqualTo("SETTLED");
    assertThat(refundColumn(org, "idempotency_key")).isEqualTo("bc_refund_" + refund);
    assertThat(refundColumn(org, "provider_reference")).startsWith("re_");
    assertThat(jdbc.sql("select count(*) from sandbox_charge where idempotency_key = :k and kind = 'REFUND'")
        .param("k", "bc_refund_" + refund).query(Long.class).single()).isEqualTo(1);
    assertThat(events(org, "refund.settled")).isEqualTo(1);
    Invoice note = billing.invoices(org.id()).stream().filter(i -> i.kind().equals("CREDIT_NOTE")).findFirst().orElseThrow();
    assertThat(billing.document(org.id(), note.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(page("/billing/invoices?lang=da-DK", org, MediaType.TEXT_HTML)).contains("tilbagebetalt til din betalingsmetode");
  }

  @Test
  void a_refund_the_provider_refuses_stays_owed_and_is_told() throws Exception {
    Given org = tenants.tenant(0);
    tenants.defaultCard(org, "tok_refundFail");
    creditRefundedInApril(org);

    assertThat(refundColumn(org, "status")).isEqualTo("FAILED");
    assertThat(refundColumn(org, "outcome_code")).isEqualTo("refund_failed");
    assertThat(events(org, "refund.failed")).isEqualTo(1);
    assertThat(events(org, "refund.settled")).isZero();
    assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = 'REFUND_FAILED'")
        .param("t", org.id().value()).query(Long.class).single()).isEqualTo(1);
    Invoice note = billing.invoices(org.id()).stream().filter(i -> i.kind().equals("CREDIT_NOTE")).findFirst().orElseThrow();
    assertThat(billing.document(org.id(), note.id()).status()).as("the money is still owed").isEqualTo(InvoiceStatus.OPEN);
    assertThat(page("/billing/invoices?lang=fr-FR", org, MediaType.TEXT_HTML))
        .contains("non remboursé sur votre moyen de paiement").contains("data-status=\"FAILED\"");
    assertThat(page("/api/v1/refunds", org, MediaType.APPLICATION_JSON)).contains("\"status\":\"FAILED\"");
    // The operator sees it among the refunds that failed, to pay it back another way.
    String refund = refundColumn(org, "refund_id");
    String operator = "refunds-op-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.seedOperatorAccount(new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password");
    String receivables = mvc.perform(get("/operator/receivables?lang=bg-BG")
            .with(user(accounts.loadUserByUsername(operator)))).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(receivables).contains("Неуспешни възстановявания").contains("data-refund-id=\"" + refund + "\"")
        .contains("Банката, издала картата, не прие възстановяването.");
    assertThat(mvc.perform(get("/api/v1/operator/receivables/failed-refunds?size=200").accept(MediaType.APPLICATION_JSON)
            .with(user(accounts.loadUserByUsername(operator)))).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8))
        .contains("\"refundId\":\"" + refund + "\"").contains("\"reason\":\"refund_failed\"");
    // Nothing is sent twice: the sweep leaves an answered refund alone.
    clock.advance(Duration.ofMinutes(5));
    assertThat(refunder(3).sweep(Duration.ZERO, Duration.ZERO)).isZero();
  }

  @Test
  void the_provider_pays_back_then_times_out_and_the_sweep_finds_the_one_refund() {
    Given org = tenants.tenant(0);
    tenants.subscription(org, 2, 0);
    runs.run(MARCH);
    PaymentMethodId held = tenants.defaultCard(org, "tok_timeout");
    UUID invoice = billing.invoices(org.id()).get(0).id();
    // What a billing run leaves when its node dies after the commit, before the send.
    UUID id = UUID.randomUUID();
    PendingRefund pending = new PendingRefund(org.id(), id, invoice, null, held, Money.of(700, "EUR"),
        PendingRefund.keyFor(id), null);
    refunds.insert(pending, clock.instant());

    // One call, which the sandbox answers after the timeout: the money went back, the answer did not.
    refunder(1).send(pending);
    assertThat(refundColumn(org, "status")).isEqualTo("PENDING_SETTLEMENT");
    assertThat(refundColumn(org, "calls")).isEqualTo("1");
    assertThat(jdbc.sql("select count(*) from sandbox_charge where idempotency_key = :k and kind = 'REFUND' and outcome = 'SUCCEEDED'")
        .param("k", pending.idempotencyKey()).query(Long.class).single()).as("the provider paid it back").isEqualTo(1);

    // The sweep, minutes later, asks again with the same key: the provider answers with that refund.
    clock.advance(Duration.ofMinutes(2));
    assertThat(refunder(3).sweep(Duration.ofMinutes(1), Duration.ofMinutes(1))).isGreaterThanOrEqualTo(1);
    assertThat(refundColumn(org, "status")).isEqualTo("SETTLED");
    assertThat(refundColumn(org, "calls")).isEqualTo("2");
    assertThat(jdbc.sql("select count(*) from sandbox_charge where token = :t and kind = 'REFUND'")
        .param("t", attempts.token(org.id(), held).orElseThrow()).query(Long.class).single())
        .as("one refund at the provider").isEqualTo(1);
    assertThat(refundColumn(org, "provider_reference")).isEqualTo(jdbc.sql(
            "select charge_id from sandbox_charge where idempotency_key = :k").param("k", pending.idempotencyKey())
        .query(String.class).single());
    assertThat(events(org, "refund.settled")).isEqualTo(1);

    // The shared database outlives this test: later tests' billing runs must not wait on this card.
    jdbc.sql("update payment_method set token = 'tok_visa' where tenant_id = :t").param("t", org.id().value()).update();
  }
}
