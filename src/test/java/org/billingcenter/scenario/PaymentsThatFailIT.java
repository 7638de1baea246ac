package org.billingcenter.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.outbox.OutboxDispatcher;
import org.billingcenter.payment.BalanceService;
import org.billingcenter.payment.DunningRun;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.LifecycleService;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.NewCallback;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.Mails;
import org.billingcenter.testing.Outboxes;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18's "done when", on the test clock with the daily jobs (lifecycle, billing run, dunning)
 * run day by day and the sandbox provider deciding by card token. One organisation's card declines
 * at renewal, four retries fail (its admin gets a mail each time, and one for the renewal's
 * decline), the card is replaced and the fifth retry succeeds (a receipt), and nothing is tried
 * after. Two others never pay: their subscriptions expire on the last retry (day 30), are DISABLED
 * 30 days later and DELETED 90 days after that; the one that pays on the day before is back. A
 * fourth, talking to support (a callback request open), keeps its subscription until it is not.
 */
class PaymentsThatFailIT extends DatabaseIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @Autowired LifecycleService lifecycle;
  @Autowired BillingRunService runs;
  @Autowired DunningRun dunning;
  @Autowired BalanceService balances;
  @Autowired SubscriptionService subscriptions;
  @Autowired TenantService tenantService;
  @Autowired AccountService accounts;
  @Autowired org.billingcenter.licensing.LicensingService licensing;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired CallbackService callbacks;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  /** The daily job's steps for {@code day}, at noon UTC, then the dunning job. */
  private void day(String isoDate) {
    LocalDate day = LocalDate.parse(isoDate);
    clock.set(Instant.parse(isoDate + "T12:00:00Z"));
    lifecycle.run(day);
    runs.run(day);
    dunning.run(day);
  }

  private void days(String fromIso, String toIso) {
    for (LocalDate d = LocalDate.parse(fromIso); !d.isAfter(LocalDate.parse(toIso)); d = d.plusDays(1)) {
      day(d.toString());
    }
  }

  private PaymentMethodId card(Given org, String token) {
    PaymentMethodId id = tenantService.addPaymentMethod(org.id(),
        new NewPaymentMethod(token, "Visa", "4000", 12, 2035), TestTenants.ACTOR).id();
    tenantService.makeDefaultPaymentMethod(org.id(), id, TestTenants.ACTOR);
    return id;
  }

  /** One license of the monthly test plan, paid with {@code card}, assigned to the first member. */
  private Subscription buy(Given org, PaymentMethodId card) {
    Subscription s = subscriptions.purchase(org.id(), TestTenants.MONTHLY_PLAN, 1, card, TestTenants.ACTOR);
    licensing.assign(org.id(), s.id(), List.of(org.members().get(0)), TestTenants.ACTOR);
    return s;
  }

  private String mailbox(Given org) {
    String address = "billing-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    transaction.executeWithoutResult(t -> accounts.chooseEmail(accounts.loadUserByUsername(org.admin()).account(), address));
    return address;
  }

  private List<String> attempts(TenantId tenant) {
    return jdbc.sql("""
            select a.trigger_kind || ' ' || a.status || ' ' || coalesce(a.outcome_code, '-') || ' '
                   || cast(cast(a.created_at as date) as varchar(10))
              from payment_attempt a where a.tenant_id = :t order by a.created_at, a.attempt_no
            """)
        .param("t", tenant.value()).query(String.class).list();
  }

  private long events(TenantId tenant, String type) {
    return jdbc.sql("select count(*) from outbox_event where tenant_id = :t and event_type = :type")
        .param("t", tenant.value()).param("type", type).query(Long.class).single();
  }

  private SubscriptionStatus status(Given org, Subscription s) {
    return subscriptions.get(org.id(), s.id()).subscription().status();
  }

  @Test
  void a_declined_renewal_is_retried_until_the_replaced_card_pays_and_the_admins_hear_of_each_try() throws Exception {
    Given acme = tenants.tenant(2);
    String inbox = mailbox(acme);
    Subscription s = tenants.subscription(acme, 2, 1);
    day("2026-03-10"); // the first period, paid with the card it was bought with
    card(acme, "tok_chargeDeclined_" + UUID.randomUUID());

    day("2026-04-10"); // the renewal: declined
    assertThat(balances.balance(acme.id()).behind()).isTrue();
    days("2026-04-11", "2026-04-19"); // retries on days 1, 3, 5 and 7: all declined
    card(acme, "tok_visa"); // the admin replaces the card
    days("2026-04-20", "2026-05-09"); // retry 5 on day 14 succeeds; nothing is tried after

    assertThat(attempts(acme.id())).containsExactly(
        "INVOICE SUCCEEDED - 2026-03-10",
        "INVOICE DECLINED card_declined 2026-04-10",
        "RETRY DECLINED card_declined 2026-04-11",
        "RETRY DECLINED card_declined 2026-04-13",
        "RETRY DECLINED card_declined 2026-04-15",
        "RETRY DECLINED card_declined 2026-04-17",
        "RETRY SUCCEEDED - 2026-04-24");
    assertThat(balances.balance(acme.id()).behind()).isFalse();
    assertThat(status(acme, s)).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(events(acme.id(), "payment.failed")).isEqualTo(5);

    Outboxes.drain(dispatcher);
    List<String> mails = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(inbox))
        .map(PaymentsThatFailIT::subjectAndText).toList();
    // The renewal's decline and each of the four failed retries: five mails (the organisation writes
    // French), each with the amount, why in plain words and the next try; then one receipt.
    List<String> failures = mails.stream().filter(m -> m.startsWith("Nous n’avons pas pu encaisser")).toList();
    assertThat(failures).hasSize(5).allSatisfy(m -> assertThat(m)
        .contains("Votre banque a refusé la carte.").contains("/billing/balance").contains("Nous réessaierons"));
    // Delivery order is not guaranteed: each try announces the next one, the renewal's day 1, the fourth retry's day 14.
    assertThat(failures).anySatisfy(m -> assertThat(m).contains("le 11 avril 2026"))
        .anySatisfy(m -> assertThat(m).contains("le 24 avril 2026"));
    assertThat(mails).filteredOn(m -> m.startsWith("Paiement reçu")).singleElement()
        .satisfies(m -> assertThat(m).contains("aucune autre tentative automatique"));
  }

  @Test
  void an_organisation_that_never_pays_is_disabled_then_deleted_and_paying_the_day_before_brings_it_back() {
    Given birch = tenants.tenant(1);
    Subscription lost = buy(birch, card(birch, "tok_chargeDeclined_" + UUID.randomUUID()));
    Given cedar = tenants.tenant(1);
    Subscription saved = buy(cedar, card(cedar, "tok_expiredCard_" + UUID.randomUUID()));
    Given dune = tenants.tenant(1);
    Subscription talking = buy(dune, card(dune, "tok_chargeDeclined_" + UUID.randomUUID()));

    days("2026-03-10", "2026-04-08");
    assertThat(status(birch, lost)).isEqualTo(SubscriptionStatus.ACTIVE); // still retrying
    CallbackRequest call = callbacks.request(dune.id(),
        new NewCallback(talking.id(), "Dina", "+4533123456", "da", "weekdays 9-12"), dune.admin());
    day("2026-04-09"); // the last retry, day 30, fails: expired for non-payment, users keep their licenses
    assertThat(status(birch, lost)).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(status(cedar, saved)).isEqualTo(SubscriptionStatus.EXPIRED);
    // Nothing is cancelled for non-payment while a callback request is open; once it is not, it expires.
    assertThat(status(dune, talking)).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(jdbc.sql("""
            select count(*) from outbox_event where tenant_id = :t and event_type = 'payment.failed'
               and data like '%"final":true%' and data like '%"keptWhileCallbackOpen":1%'""")
        .param("t", dune.id().value()).query(Long.class).single())
        .as("the last failure's mail says the subscription stays active while support calls").isEqualTo(1);
    day("2026-04-10");
    assertThat(status(dune, talking)).isEqualTo(SubscriptionStatus.ACTIVE);
    callbacks.withdrawByOrganisation(dune.id(), call.id(), dune.admin(), true);
    day("2026-04-11");
    assertThat(status(dune, talking)).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(subscriptions.get(birch.id(), lost.id()).assignedLicenses()).isEqualTo(1);
    assertThat(jdbc.sql("select expired_reason from subscription where subscription_id = :s")
        .param("s", lost.id().value()).query(String.class).single()).isEqualTo("PAYMENT_FAILED");

    day("2026-05-08");
    assertThat(status(birch, lost)).isEqualTo(SubscriptionStatus.EXPIRED);
    day("2026-05-09"); // 30 days after it expired
    assertThat(status(birch, lost)).isEqualTo(SubscriptionStatus.DISABLED);
    assertThat(status(cedar, saved)).isEqualTo(SubscriptionStatus.DISABLED);

    day("2026-08-06"); // the day before the 90 days of DISABLED run out, Cedar pays with a good card
    PaymentMethodId good = card(cedar, "tok_visa");
    BalanceService.Payment paid = balances.pay(cedar.id(), good, cedar.admin());
    assertThat(paid.complete()).isTrue();
    assertThat(status(cedar, saved)).isEqualTo(SubscriptionStatus.ACTIVE);
    Subscription back = subscriptions.get(cedar.id(), saved.id()).subscription();
    assertThat(back.anchorDate()).isEqualTo(saved.anchorDate()); // the same subscription, not a new purchase
    assertThat(back.currentPeriod().contains(LocalDate.parse("2026-08-06"))).isTrue();
    assertThat(back.paymentMethod()).isEqualTo(good); // the method that paid replaces the declined one

    day("2026-08-07");
    assertThat(status(birch, lost)).isEqualTo(SubscriptionStatus.DELETED);
    assertThat(status(cedar, saved)).isEqualTo(SubscriptionStatus.ACTIVE);
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString().toLowerCase(Locale.ROOT);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subjectAndText(MimeMessage m) {
    try {
      return m.getSubject() + "\n" + Mails.plainText(m);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
