package org.billingcenter.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.payment.DunningRun;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.ServiceNode;
import org.billingcenter.testing.ServiceNodesIT;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a node killed with SIGKILL in the middle of a charge. The billing run, in its own JVM,
 * collects an invoice whose card is the sandbox's {@code tok_timeout}: the provider books the charge
 * and holds back its answer; the node is killed while it waits. Another node then asks again about
 * the attempts left unanswered, with the same idempotency keys: the provider answers with the charge
 * it made, each invoice has one payment and the provider made one charge, and the attempt the dead
 * node never sent is sent once.
 */
class ChargeKillNineIT extends ServiceNodesIT {

  @Test
  void a_node_killed_during_a_charge_never_charges_twice() throws Exception {
    TenantId held = seed("tok_timeout_" + UUID.randomUUID());
    TenantId queued = seed("tok_visa");
    LocalDate today = jdbc.sql("select max(current_period_start) from subscription where tenant_id = :t")
        .param("t", held.value()).query(LocalDate.class).single();

    Process child = ServiceNode.command("kill-during-charge", settings("--billing-center.run-once=" + today,
        "--billing-center.payments.gateway-timeout=PT120S", "--billing-center.payments.sandbox-hang=PT10M"));
    awaitBooked(held, child);
    child.destroyForcibly().waitFor(); // SIGKILL while the provider holds back its answer

    assertThat(payments(held)).as("no answer was recorded before the kill").isZero();
    assertThat(status(held)).isEqualTo("SENT");

    int resumed = parent.getBean(DunningRun.class).resumeUnanswered(Duration.ZERO);

    assertThat(resumed).isGreaterThanOrEqualTo(1);
    for (TenantId tenant : List.of(held, queued)) {
      assertThat(status(tenant)).isEqualTo("SUCCEEDED");
      assertThat(payments(tenant)).as("one payment for the invoice").isEqualTo(1);
      assertThat(jdbc.sql("""
              select count(*) from sandbox_charge c
               where c.idempotency_key in (select a.idempotency_key from payment_attempt a where a.tenant_id = :t)
                 and c.outcome = 'SUCCEEDED'
              """).param("t", tenant.value()).query(Long.class).single())
          .as("one charge at the provider").isEqualTo(1);
    }
    assertThat(jdbc.sql("select calls from payment_attempt where tenant_id = :t").param("t", held.value())
        .query(Integer.class).single()).as("the killed call, then the replay").isGreaterThanOrEqualTo(2);

    // The shared database outlives this test: its renewals must not hold later tests' billing runs.
    jdbc.sql("update payment_method set token = 'tok_visa' where tenant_id = :t").param("t", held.value()).update();
  }

  /** An organisation (UTC) whose default card is {@code token}, with a subscription bought today. */
  private static TenantId seed(String token) {
    CatalogService catalog = parent.getBean(CatalogService.class);
    String plan = "charge-kill-" + UUID.randomUUID().toString().substring(0, 8);
    catalog.addPlan(new Plan(plan, "charge-kill", "Charge Kill Test", Money.of(1000, "EUR"), BillingFrequency.MONTHLY,
        BillingFrequency.MONTHLY, 30, 25));
    TenantService tenants = parent.getBean(TenantService.class);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant = new Tenant(TenantId.random(), "Charge " + suffix, "FR", Locale.FRANCE, ZoneId.of("UTC"),
        Currency.getInstance("EUR"));
    tenants.create(new TenantService.NewTenant(tenant, "charge-" + suffix, "C", "pass-" + suffix + "-phrase"), "t");
    var card = tenants.addPaymentMethod(tenant.id(), new TenantService.NewPaymentMethod(token, "Visa", "4242", 12, 2035), "t");
    parent.getBean(SubscriptionService.class).purchase(tenant.id(), plan, 2, card.id(), "t");
    return tenant.id();
  }

  private static void awaitBooked(TenantId tenant, Process child) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos(); // a JVM start on a loaded machine included
    while (System.nanoTime() < deadline && child.isAlive()) {
      long booked = jdbc.sql("""
              select count(*) from sandbox_charge c join payment_attempt a on a.idempotency_key = c.idempotency_key
               where a.tenant_id = :t
              """).param("t", tenant.value()).query(Long.class).single();
      if (booked > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the provider never booked the held charge (node alive: " + child.isAlive() + ")");
  }

  private static long payments(TenantId tenant) {
    return jdbc.sql("select count(*) from payment where tenant_id = :t").param("t", tenant.value())
        .query(Long.class).single();
  }

  private static String status(TenantId tenant) {
    return jdbc.sql("select status from payment_attempt where tenant_id = :t").param("t", tenant.value())
        .query(String.class).single();
  }
}
