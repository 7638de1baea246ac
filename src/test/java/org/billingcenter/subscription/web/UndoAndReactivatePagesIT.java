package org.billingcenter.subscription.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.subscription.LifecycleService;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Undo cancellation and Reactivate from the pages, as a Global admin and as a Reader; the
 * reactivation's effect equals the preview the API gave before it, field by field. The tenant is in
 * Paris, the test plan 10.00 a license and month, the clock at 10 Mar 2026 10:00 UTC.
 */
class UndoAndReactivatePagesIT extends DatabaseIT {

  static final Canceller ADMIN = new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null);

  @Autowired AccountService accounts;
  @Autowired SubscriptionService subscriptions;
  @Autowired CancellationService cancellations;
  @Autowired LifecycleService lifecycle;
  @Autowired JdbcClient jdbc;

  private Given org;
  private SignedInAccount admin;

  @BeforeEach
  void anOrganisation() {
    org = tenants.tenant(3);
    admin = accounts.loadUserByUsername(org.admin());
  }

  private void cancel(Subscription s, CancelWhen when) {
    cancellations.cancel(org.id(), s.id(), ADMIN, new CancellationService.Request(when, LeavingReason.OTHER, null));
  }

  private Subscription now(Subscription s) {
    return subscriptions.get(org.id(), s.id()).subscription();
  }

  private String page(String path, SignedInAccount as) throws Exception {
    return mvc.perform(get(path).param("lang", "en").with(user(as))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  private MockHttpServletRequestBuilder postAs(String path, SignedInAccount as) {
    return post(path).param("lang", "en").with(user(as)).with(csrf());
  }

  /** Expired by renewal off at its term end (10 Apr), its two assignments kept. */
  private Subscription expired() {
    Subscription s = tenants.subscription(org, 3, 2);
    subscriptions.setAutoRenew(org.id(), s.id(), false, "test");
    clock.set(Instant.parse("2026-04-10T10:00:00Z"));
    lifecycle.run(LocalDate.of(2026, 4, 10));
    assertThat(now(s).status()).isEqualTo(SubscriptionStatus.EXPIRED);
    return s;
  }

  private long count(String sql, Subscription s) {
    return jdbc.sql(sql).param("t", org.id().value()).param("s", s.id().value().toString()).query(Long.class).single();
  }

  /** The subscription's charge lines as "invoice date amount", in order. */
  private List<String> charges(Subscription s) {
    return jdbc.sql("""
            select i.invoice_date || ' ' || l.amount_minor
              from invoice_line l join invoice i on i.tenant_id = l.tenant_id and i.invoice_id = l.invoice_id
             where l.tenant_id = :t and l.subscription_id = :s and l.kind = 'CHARGE'
             order by i.invoice_date, l.line_no
            """)
        .param("t", org.id().value()).param("s", s.id().value()).query(String.class).list();
  }

  private String previewJson(Subscription s) throws Exception {
    return mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/reactivation").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void an_end_of_term_cancellation_is_undone_from_the_details_page_and_it_renews_again() throws Exception {
    Subscription s = tenants.subscription(org, 2, 0);
    cancel(s, CancelWhen.END_OF_TERM); // ends 10 Apr
    assertThat(page("/billing/subscriptions/" + s.id(), admin))
        .contains("This subscription ends on", "Until", "you can undo the cancellation", "id=\"undo-cancellation\"");
    assertThat(page("/billing/subscriptions/" + s.id() + "/cancel/done", admin)).contains("/undo-cancellation");

    mvc.perform(postAs("/billing/subscriptions/" + s.id() + "/undo-cancellation", admin))
        .andExpect(redirectedUrl("/billing/subscriptions/" + s.id()))
        .andExpect(flash().attribute("notice", "ending.notice.undone"));

    assertThat(now(s).isEnding()).isFalse();
    assertThat(now(s).autoRenew()).isTrue();
    assertThat(count("select count(*) from cancellation where tenant_id = :t and subscription_id = cast(:s as uuid) and undone_at is not null", s))
        .as("the cancellation is closed as undone").isEqualTo(1);
    assertThat(count("select count(*) from audit_event where tenant_id = :t and entity_id = :s and action = 'SUBSCRIPTION_ENDING_UNDONE'", s))
        .isEqualTo(1);
    assertThat(page("/billing/subscriptions/" + s.id(), admin)).doesNotContain("id=\"ending-panel\"");
  }

  @Test
  void on_the_end_day_the_undo_is_refused_by_the_service_and_the_page_offers_none() throws Exception {
    Subscription s = tenants.subscription(org, 2, 0);
    cancel(s, CancelWhen.END_OF_TERM);
    clock.set(Instant.parse("2026-04-09T21:30:00Z")); // 9 Apr in Paris still: the last day to undo
    assertThat(page("/billing/subscriptions/" + s.id(), admin)).contains("id=\"undo-cancellation\"");
    clock.set(Instant.parse("2026-04-09T22:30:00Z")); // 10 Apr 00:30 in Paris: the end day

    assertThat(page("/billing/subscriptions/" + s.id(), admin))
        .contains("too late to undo").doesNotContain("id=\"undo-cancellation\"");
    mvc.perform(postAs("/billing/subscriptions/" + s.id() + "/undo-cancellation", admin)
            .header("Referer", "/billing/subscriptions/" + s.id()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", containsString("can only be undone until the day before")));
    assertThat(now(s).isEnding()).isTrue();
    mvc.perform(delete("/api/v1/subscriptions/" + s.id() + "/cancellation").header("Accept-Language", "en")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("UNDO_TOO_LATE"));
  }

  @Test
  void an_expired_subscription_is_reactivated_with_a_card_on_file_exactly_as_previewed() throws Exception {
    Subscription s = expired();
    assertThat(page("/billing/subscriptions/" + s.id(), admin))
        .contains("This subscription expired on", "it will be disabled on", "/reactivate");
    assertThat(page("/billing/products", admin)).contains("/billing/subscriptions/" + s.id() + "/reactivate");
    String preview = previewJson(s);
    assertThat(page("/billing/subscriptions/" + s.id() + "/reactivate", admin))
        .contains("3 licenses × €10.00 = €30.00", "The 2 users who still hold a license get access back at once.");

    mvc.perform(postAs("/billing/subscriptions/" + s.id() + "/reactivate/review", admin)
            .param("paymentMethodId", org.card().toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("€30.00 is charged today")))
        .andExpect(content().string(containsString("name=\"paymentMethodId\"")));
    mvc.perform(postAs("/billing/subscriptions/" + s.id() + "/reactivate", admin)
            .param("paymentMethodId", org.card().toString()).param("confirmed", "true"))
        .andExpect(redirectedUrl("/billing/subscriptions/" + s.id() + "/reactivate/done"));

    Subscription after = now(s);
    assertThat(after.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(after.quantity()).isEqualTo(JsonPath.<Integer>read(preview, "$.quantity"));
    assertThat(after.currentPeriod().start()).hasToString(JsonPath.read(preview, "$.firstPeriodStart"));
    assertThat(after.currentPeriod().endExclusive()).hasToString(JsonPath.read(preview, "$.firstPeriodEnd"));
    assertThat(after.paymentMethod()).isEqualTo(org.card());
    assertThat(charges(s)).last().isEqualTo(
        JsonPath.read(preview, "$.invoicedOn") + " " + JsonPath.read(preview, "$.firstCharge.amountMinor"));
    assertThat(tenants.assigned(org, s)).isEqualTo(JsonPath.<Integer>read(preview, "$.assignedLicenses"));
    assertThat(preview).contains("\"status\":\"EXPIRED\"", "\"since\":\"2026-04-10\"", "\"disabledOn\":\"2026-05-10\"",
        "\"deletedOn\":\"2026-08-08\"", "\"invoicedOn\":\"2026-04-10\"", "\"firstPeriodEnd\":\"2026-05-10\"");
    assertThat(count("select count(*) from audit_event where tenant_id = :t and entity_id = :s and action = 'SUBSCRIPTION_REACTIVATED'", s))
        .isEqualTo(1);
    // Posted again (a double click, a replayed form): nothing more is charged.
    mvc.perform(postAs("/billing/subscriptions/" + s.id() + "/reactivate", admin)
            .param("paymentMethodId", org.card().toString()).param("confirmed", "true"))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
    assertThat(charges(s)).hasSize(2);
  }

  @Test
  void a_disabled_subscription_is_reactivated_with_a_new_card_added_in_the_same_flow() throws Exception {
    Subscription s = tenants.subscription(org, 2, 1);
    cancel(s, CancelWhen.NOW); // DISABLED, its assignment released
    assertThat(page("/billing/subscriptions/" + s.id() + "/reactivate", admin))
        .contains("No license is assigned any more", "id=\"use-new-card\"");
    String preview = previewJson(s);

    mvc.perform(postAs("/billing/subscriptions/" + s.id() + "/reactivate/review", admin).params(newCard()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Mastercard ending in 5454")))
        .andExpect(content().string(containsString("a new card, saved for your organisation")));
    mvc.perform(postAs("/billing/subscriptions/" + s.id() + "/reactivate", admin).params(newCard()).param("confirmed", "true"))
        .andExpect(redirectedUrl("/billing/subscriptions/" + s.id() + "/reactivate/done"));

    Subscription after = now(s);
    assertThat(after.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(after.paymentMethod()).isNotEqualTo(org.card());
    assertThat(jdbc.sql("select last4 from payment_method where tenant_id = :t and payment_method_id = :p")
        .param("t", org.id().value()).param("p", after.paymentMethod().value()).query(String.class).single())
        .isEqualTo("5454");
    assertThat(charges(s)).containsExactly("2026-03-10 2000", "2026-03-10 " + JsonPath.read(preview, "$.firstCharge.amountMinor"));
    assertThat(page("/billing/subscriptions/" + s.id() + "/reactivate/done", admin)).contains("Active");
  }

  private static LinkedMultiValueMap<String, String> newCard() {
    var card = new LinkedMultiValueMap<String, String>();
    card.add("token", "tok_new");
    card.add("brand", "Mastercard");
    card.add("last4", "5454");
    card.add("expiryMonth", "11");
    card.add("expiryYear", "2031");
    return card;
  }

  @Test
  void hostile_or_unconfirmed_input_changes_nothing() throws Exception {
    Subscription s = tenants.subscription(org, 2, 0);
    cancel(s, CancelWhen.NOW);
    long methods = count("select count(*) from payment_method where tenant_id = :t and :s = :s", s);
    String base = "/billing/subscriptions/" + s.id() + "/reactivate";

    var badCard = newCard();
    badCard.set("last4", "12a4");
    mvc.perform(postAs(base + "/review", admin).params(badCard)).andExpect(status().isUnprocessableContent());
    mvc.perform(postAs(base, admin).params(badCard).param("confirmed", "true")).andExpect(status().isUnprocessableContent());
    var expired = newCard();
    expired.set("expiryYear", "2025");
    mvc.perform(postAs(base, admin).params(expired).param("confirmed", "true"))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
    mvc.perform(postAs(base, admin).params(newCard())).andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Tick the box to confirm the reactivation.")));
    mvc.perform(postAs(base, admin).param("paymentMethodId", "not-a-uuid").param("confirmed", "true"))
        .andExpect(status().is4xxClientError());
    mvc.perform(postAs(base, admin).param("paymentMethodId", UUID.randomUUID().toString()).param("confirmed", "true"))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
    Given other = tenants.tenant(0);
    mvc.perform(postAs(base, admin).param("paymentMethodId", other.card().toString()).param("confirmed", "true"))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));

    assertThat(now(s).status()).isEqualTo(SubscriptionStatus.DISABLED);
    assertThat(count("select count(*) from payment_method where tenant_id = :t and :s = :s", s)).isEqualTo(methods);
    assertThat(charges(s)).hasSize(1);
  }

  @Test
  void an_active_subscription_cannot_be_reactivated_on_the_page_or_previewed_in_the_api() throws Exception {
    Subscription s = tenants.subscription(org, 2, 0);
    mvc.perform(get("/billing/subscriptions/" + s.id() + "/reactivate").param("lang", "en").with(user(admin)))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
    mvc.perform(postAs("/billing/subscriptions/" + s.id() + "/reactivate", admin)
            .param("paymentMethodId", org.card().toString()).param("confirmed", "true"))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
    mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/reactivation").header("Accept-Language", "fr-FR")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
    assertThat(charges(s)).hasSize(1);
  }

  @Test
  void a_reader_sees_the_sentences_but_can_neither_undo_nor_reactivate() throws Exception {
    SignedInAccount reader = accounts.loadUserByUsername(tenants.account(org, Role.READER));
    Subscription ending = tenants.subscription(org, 2, 0);
    cancel(ending, CancelWhen.END_OF_TERM);
    Subscription disabled = tenants.subscription(org, 1, 0);
    cancel(disabled, CancelWhen.NOW);

    assertThat(page("/billing/subscriptions/" + ending.id(), reader))
        .contains("you can undo the cancellation").doesNotContain("id=\"undo-cancellation\"");
    assertThat(page("/billing/subscriptions/" + disabled.id(), reader))
        .contains("This subscription was disabled on").doesNotContain("id=\"reactivate\"");
    assertThat(page("/billing/subscriptions/" + disabled.id() + "/reactivate", reader))
        .contains("id=\"preview\"").doesNotContain("<form id=\"use");
    mvc.perform(postAs("/billing/subscriptions/" + ending.id() + "/undo-cancellation", reader))
        .andExpect(status().isForbidden());
    mvc.perform(postAs("/billing/subscriptions/" + disabled.id() + "/reactivate", reader)
            .param("paymentMethodId", org.card().toString()).param("confirmed", "true"))
        .andExpect(status().isForbidden());
    assertThat(now(ending).isEnding()).isTrue();
    assertThat(now(disabled).status()).isEqualTo(SubscriptionStatus.DISABLED);
  }
}
