package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.billingcenter.billing.BillingRunRepository.Line;
import org.billingcenter.billing.RunTally.Amounts;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.junit.jupiter.api.Test;

/** Issue 17 (runs): a batch's history numbers read off the lines it wrote. */
class RunTallyTest {

  private static final TenantId TENANT = TenantId.random();
  private static final SubscriptionId A = new SubscriptionId(UUID.randomUUID());
  private static final SubscriptionId B = new SubscriptionId(UUID.randomUUID());

  private static Line line(String kind, SubscriptionId s, long minor, String currency) {
    return new Line(TENANT, UUID.randomUUID(), 1, kind, s, null, Money.of(minor, currency), null, null, null, null);
  }

  @Test
  void charges_credits_and_refunds_are_counted_and_summed_per_currency() {
    RunTally t = RunTally.of(2, List.of(
        line("CHARGE", A, 1000, "EUR"), line("CHARGE", A, 1000, "EUR"), line("ADJUSTMENT", B, 250, "EUR"),
        line("CREDIT", A, -400, "EUR"), line("REFUND", A, 150, "EUR"), line("CHARGE", B, 7500, "DKK")), 3, 2);
    assertThat(t.tenants()).isEqualTo(2);
    assertThat(t.subscriptions()).as("A and B, each once").isEqualTo(2);
    assertThat(t.charges()).isEqualTo(4);
    assertThat(t.credits()).isEqualTo(1);
    assertThat(t.refunds()).isEqualTo(1);
    assertThat(t.invoices()).isEqualTo(3);
    assertThat(t.collections()).isEqualTo(2);
    assertThat(t.totals()).containsEntry("EUR", new Amounts(2250, 400, 150)).containsEntry("DKK", new Amounts(7500, 0, 0));
  }

  @Test
  void a_credit_set_against_an_overdue_invoice_is_not_a_charge() {
    Line applied = new Line(TENANT, UUID.randomUUID(), 2, "ADJUSTMENT", A, null, Money.of(300, "EUR"), UUID.randomUUID(),
        null, ReturnedCredits.CREDIT_APPLIED, null);
    RunTally t = RunTally.of(1, List.of(line("CREDIT", A, -500, "EUR"), applied, line("REFUND", A, 200, "EUR")), 1, 0);
    assertThat(t.charges()).isZero();
    assertThat(t.subscriptions()).as("nothing billed").isZero();
    assertThat(t.totals()).containsEntry("EUR", new Amounts(0, 500, 200));
  }

  @Test
  void batches_add_up_and_a_batch_without_lines_adds_nothing_but_its_tenants() {
    RunTally first = RunTally.of(1, List.of(line("CHARGE", A, 1000, "EUR")), 1, 1);
    RunTally second = RunTally.of(1, List.of(line("CREDIT", B, -300, "EUR")), 0, 0);
    RunTally sum = RunTally.NONE.plus(first).plus(second).plus(RunTally.of(4, List.of(), 0, 0));
    assertThat(sum.tenants()).isEqualTo(6);
    assertThat(sum.totals()).containsExactly(java.util.Map.entry("EUR", new Amounts(1000, 300, 0)));
  }

  @Test
  void an_unknown_line_kind_is_not_silently_dropped() {
    assertThatThrownBy(() -> RunTally.of(1, List.of(line("MYSTERY", A, 1, "EUR")), 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
