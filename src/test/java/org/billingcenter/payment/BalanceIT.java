package org.billingcenter.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Pay your balance, through the API and the pages: an organisation whose card declines at the
 * billing run is behind by the invoice; paying with a good card clears it, makes that card the
 * default and moves the subscriptions off the declined one; paying with another declining card
 * leaves everything as it was but the attempt. The test plan costs 10.00 per license and month.
 */
class BalanceIT extends DatabaseIT {

  static final LocalDate DAY = LocalDate.of(2026, 3, 10);

  @Autowired TenantService tenantService;
  @Autowired SubscriptionService subscriptions;
  @Autowired BillingRunService runs;
  @Autowired BalanceService balances;
  @Autowired AccountService accounts;
  @Autowired JdbcClient jdbc;

  private Given org;
  private PaymentMethodId declining;
  private Subscription bought;

  /** A declining card, the default, buys 2 licenses; the billing run's collection is declined. */
  @BeforeEach
  void anOrganisationBehindByOneInvoice() {
    org = tenants.tenant(0);
    declining = card("tok_chargeDeclined_" + UUID.randomUUID().toString().substring(0, 8), "0002");
    tenantService.makeDefaultPaymentMethod(org.id(), declining, TestTenants.ACTOR);
    bought = subscriptions.purchase(org.id(), TestTenants.MONTHLY_PLAN, 2, declining, TestTenants.ACTOR);
    runs.run(DAY);
  }

  private PaymentMethodId card(String token, String last4) {
    return tenantService.addPaymentMethod(org.id(), new NewPaymentMethod(token, "Visa", last4, 12, 2035), TestTenants.ACTOR).id();
  }

  private UUID overdueInvoice() {
    return balances.balance(org.id()).invoices().get(0).invoice().invoice();
  }

  private MockHttpServletRequestBuilder payBody(String json) {
    return post("/api/v1/balance/payments").contentType(MediaType.APPLICATION_JSON).content(json)
        .with(httpBasic(org.admin(), org.password()));
  }

  @Test
  void a_declined_invoice_is_the_overdue_balance_and_a_new_good_card_pays_it_and_becomes_the_default() throws Exception {
    UUID invoice = overdueInvoice();
    mvc.perform(get("/api/v1/balance").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.overdue.amountMinor").value(2000))
        .andExpect(jsonPath("$.overdue.currency").value("EUR"))
        .andExpect(jsonPath("$.owed.amountMinor").value(2000))
        .andExpect(jsonPath("$.invoices.length()").value(1))
        .andExpect(jsonPath("$.invoices[0].invoiceId").value(invoice.toString()))
        .andExpect(jsonPath("$.invoices[0].status").value("OVERDUE"))
        .andExpect(jsonPath("$.invoices[0].lastDecline").value("card_declined"))
        .andExpect(jsonPath("$.invoices[0].outstanding.amountMinor").value(2000))
        .andExpect(jsonPath("$.invoices[0].nextRetryOn").isNotEmpty());

    mvc.perform(payBody("""
            {"newPaymentMethod":{"token":"tok_visa","brand":"Visa","last4":"4242","expiryMonth":12,"expiryYear":2035}}
            """).header("Idempotency-Key", "pay-" + UUID.randomUUID()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.attempts.length()").value(1))
        .andExpect(jsonPath("$.attempts[0].invoiceId").value(invoice.toString()))
        .andExpect(jsonPath("$.attempts[0].status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.attempts[0].reason").value(nullValue()))
        .andExpect(jsonPath("$.paid.amountMinor").value(2000))
        .andExpect(jsonPath("$.stillOverdue").value(nullValue()));

    PaymentMethodId good = new PaymentMethodId(jdbc.sql(
            "select payment_method_id from payment_method where tenant_id = :t and token = 'tok_visa'")
        .param("t", org.id().value()).query(UUID.class).single());
    assertThat(tenantService.defaultPaymentMethod(org.id())).contains(good);
    assertThat(subscriptions.get(org.id(), bought.id()).subscription().paymentMethod()).isEqualTo(good);
    assertThat(balances.balance(org.id()).behind()).isFalse();
    mvc.perform(get("/api/v1/invoices/" + invoice).with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.status").value(not("OVERDUE")));
    mvc.perform(get("/api/v1/invoices/" + invoice + "/payment-attempts").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.invoiceId").value(invoice.toString()))
        .andExpect(jsonPath("$.attempts[*].trigger").value(contains("INVOICE", "PAY_NOW")))
        .andExpect(jsonPath("$.attempts[*].status").value(contains("DECLINED", "SUCCEEDED")))
        .andExpect(jsonPath("$.attempts[0].reason").value("card_declined"));

    mvc.perform(payBody("{\"paymentMethodId\":\"" + good + "\"}").header("Accept-Language", "fr-FR"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("NOTHING_OVERDUE"))
        .andExpect(jsonPath("$.detail").value(containsString("impayé")));
    mvc.perform(get("/api/v1/balance").with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.overdue").value(nullValue()))
        .andExpect(jsonPath("$.invoices.length()").value(0));
  }

  @Test
  void another_organisations_card_or_invoice_is_not_found_and_hostile_bodies_are_refused_changing_nothing() throws Exception {
    Given other = tenants.tenant(0);
    UUID invoice = overdueInvoice();
    String reader = tenants.account(org, Role.READER); // before the fingerprint: an account of its own
    String before = TenantFingerprint.of(jdbc, org.id());

    mvc.perform(payBody("{\"paymentMethodId\":\"" + other.card() + "\"}"))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("PAYMENT_METHOD_NOT_FOUND"));
    mvc.perform(get("/api/v1/invoices/" + invoice + "/payment-attempts").with(httpBasic(other.admin(), other.password())))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/balance").with(httpBasic(other.admin(), other.password())))
        .andExpect(jsonPath("$.overdue").value(nullValue())).andExpect(jsonPath("$.invoices.length()").value(0));
    for (String body : List.of("{}", "{\"paymentMethodId\":\"" + org.card() + "\",\"newPaymentMethod\":{\"token\":\"tok_visa\","
        + "\"brand\":\"Visa\",\"last4\":\"4242\",\"expiryMonth\":12,\"expiryYear\":2035}}")) {
      mvc.perform(payBody(body)).andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.code").value("PAYMENT_METHOD_CHOICE"));
    }
    mvc.perform(payBody("{\"newPaymentMethod\":{\"token\":\"tok_visa\",\"brand\":\"Visa\",\"last4\":\"42\",\"expiryMonth\":13,"
            + "\"expiryYear\":2035}}"))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    mvc.perform(payBody("{\"newPaymentMethod\":{\"token\":\"4242424242424242\",\"brand\":\"Visa\",\"last4\":\"4242\","
            + "\"expiryMonth\":12,\"expiryYear\":2035}}"))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(payBody("{\"newPaymentMethod\":{\"token\":\"tok_visa\",\"brand\":\"Visa\",\"last4\":\"4242\","
            + "\"expiryMonth\":1,\"expiryYear\":2026}}"))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("PAYMENT_METHOD_EXPIRED"));
    for (String body : List.of("{\"paymentMethodId\":\"not-a-uuid\"}", "{\"paymentMethodId\":", "[]", "\"x\"")) {
      MockHttpServletResponse refused = mvc.perform(payBody(body)).andReturn().getResponse();
      assertThat(refused.getStatus()).as(body).isBetween(400, 499);
    }
    mvc.perform(post("/api/v1/balance/payments").contentType(MediaType.APPLICATION_JSON)
            .content("{\"paymentMethodId\":\"" + org.card() + "\"}").with(httpBasic(reader, "password")))
        .andExpect(status().isForbidden());

    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
    assertThat(balances.balance(org.id()).overdue().minor()).isEqualTo(2000);
  }

  /** The organisation's language (French) is the pages'. */
  @Test
  void the_pages_show_the_balance_and_a_declining_card_on_file_leaves_it_overdue_with_the_reason() throws Exception {
    var admin = user(accounts.loadUserByUsername(org.admin()));
    PaymentMethodId alsoDeclining = card("tok_expiredCard_" + UUID.randomUUID().toString().substring(0, 8), "0069");
    UUID invoice = overdueInvoice();
    String number = balances.balance(org.id()).invoices().get(0).invoice().number();

    mvc.perform(get("/billing/balance/banner").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("balance-banner")))
        .andExpect(content().string(containsString("un solde impayé de 20,00")));
    mvc.perform(get("/billing/balance").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(number)))
        .andExpect(content().string(containsString("Votre banque a refusé la carte.")))
        .andExpect(content().string(containsString("value=\"" + declining.value() + "\" required checked")));
    mvc.perform(get("/billing/invoices/" + invoice + "/payment-attempts").with(admin))
        .andExpect(status().isOk()).andExpect(content().string(containsString("Encaissement à la date de facture")));

    mvc.perform(post("/billing/balance/review").param("paymentMethodId", alsoDeclining.toString()).with(csrf()).with(admin)
            )
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(" débité maintenant sur Visa •••• 0069, pour la facture " + number + ".")));
    mvc.perform(post("/billing/balance").param("paymentMethodId", alsoDeclining.toString()).param("expectedMinor", "2000")
            .with(csrf()).with(admin))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Cochez la case pour confirmer le paiement.")));
    mvc.perform(post("/billing/balance").param("paymentMethodId", alsoDeclining.toString()).param("expectedMinor", "1999")
            .param("confirmed", "true").with(csrf()).with(admin))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", containsString("a changé")));
    assertThat(balances.attempts(org.id(), invoice).attempts()).hasSize(1);

    var paid = mvc.perform(post("/billing/balance").param("paymentMethodId", alsoDeclining.toString())
            .param("expectedMinor", "2000").param("confirmed", "true").with(csrf()).with(admin))
        .andExpect(redirectedUrl("/billing/balance/done")).andReturn();
    mvc.perform(get("/billing/balance/done").flashAttrs(paid.getFlashMap()).with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Le paiement n’a pas abouti")))
        .andExpect(content().string(containsString("La carte a expiré.")));
    mvc.perform(get("/billing/balance/done").with(admin)).andExpect(redirectedUrl("/billing/balance"));

    assertThat(balances.balance(org.id()).overdue().minor()).isEqualTo(2000);
    assertThat(tenantService.defaultPaymentMethod(org.id())).contains(declining);
    assertThat(subscriptions.get(org.id(), bought.id()).subscription().paymentMethod()).isEqualTo(declining);
    assertThat(balances.attempts(org.id(), invoice).attempts()).extracting(a -> a.trigger() + " " + a.outcomeCode())
        .containsExactly("INVOICE card_declined", "PAY_NOW expired_card");

    // Paid with a good card on file through the pages: the banner is gone (an empty answer).
    mvc.perform(post("/billing/balance").param("paymentMethodId", org.card().toString()).param("expectedMinor", "2000")
            .param("confirmed", "true").with(csrf()).with(admin))
        .andExpect(redirectedUrl("/billing/balance/done"));
    mvc.perform(get("/billing/balance/banner").with(admin)).andExpect(status().isOk()).andExpect(content().string(""));
    mvc.perform(get("/billing/balance").with(admin))
        .andExpect(content().string(containsString("Aucun impayé.")));
    assertThat(tenantService.defaultPaymentMethod(org.id())).contains(org.card());
  }
}
