package org.billingcenter.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.billing.BillingService;
import org.billingcenter.shared.Money;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.NewCallback;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A 7-day refund window on a real database. Test tenants live in Paris (UTC+1 in March): a
 * subscription bought on 10 March has a window through 17 March; 17 March 23:59 in Paris is
 * 22:59 UTC, and 23:00 UTC is already 18 March there.
 */
@TestPropertySource(properties = "billing-center.cancellation.refund-window-days=7")
class RefundWindowIT extends DatabaseIT {

  static final Instant LAST_MINUTE = Instant.parse("2026-03-17T22:59:00Z");
  static final Instant NEXT_MIDNIGHT = Instant.parse("2026-03-17T23:00:00Z");
  static final Instant DAY_8 = Instant.parse("2026-03-18T10:00:00Z");
  static final Instant DAY_12 = Instant.parse("2026-03-22T10:00:00Z");

  @Autowired CallbackService callbacks;
  @Autowired SubscriptionService subscriptions;
  @Autowired BillingService billing;
  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;

  String engineer;
  String engineerPassword;

  @BeforeEach
  void anEngineer() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    engineer = "eng-" + suffix;
    engineerPassword = "pass-" + suffix + "-phrase";
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(engineer, null, "Eng", Set.of(Role.SUPPORT_ENGINEER), null), engineerPassword));
  }

  private RequestPostProcessor asEngineer() {
    return httpBasic(engineer, engineerPassword);
  }

  /** Pages sign in with a session, not basic authentication. */
  private RequestPostProcessor onPages(String username) {
    return user(accounts.loadUserByUsername(username));
  }

  private static RequestPostProcessor as(Given org) {
    return httpBasic(org.admin(), org.password());
  }

  private String cancellation(Subscription s) {
    return "/api/v1/subscriptions/" + s.id() + "/cancellation";
  }

  private String assisted(Given org, Subscription s) {
    return "/api/v1/support/tenants/" + org.id() + "/subscriptions/" + s.id() + "/cancellation";
  }

  private CallbackRequest askForACall(Given org, Subscription s, Instant at) {
    clock.set(at);
    return callbacks.request(org.id(), new NewCallback(s.id(), "Nora", "+33123456789", "en", "mornings"), "t");
  }

  @Test
  void on_the_last_day_cancelling_now_returns_the_credit_and_the_pages_say_until_when() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    clock.set(LAST_MINUTE);
    mvc.perform(get(cancellation(s)).with(as(org)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("ALLOWED"))
        .andExpect(jsonPath("$.refundWindow.lastDay").value("2026-03-17"))
        .andExpect(jsonPath("$.refundWindow.open").value(true))
        .andExpect(jsonPath("$.refundWindow.creditKept").value(true));
    mvc.perform(get("/billing/subscriptions/" + s.id() + "/cancel").param("lang", "fr-FR").with(onPages(org.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Résiliez au plus tard le 17 mars 2026 pour obtenir un avoir au prorata")));
    mvc.perform(post(cancellation(s)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"when\":\"NOW\",\"reason\":\"OTHER\"}").with(as(org)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.preview.credit.amountMinor").value(3_710)); // 50.00 × 23/31: 18 Mar .. 9 Apr
  }

  @Test
  void after_the_window_now_is_refused_with_the_code_and_the_end_of_term_is_still_open() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    clock.set(DAY_8);
    mvc.perform(get(cancellation(s)).header("Accept-Language", "fr-FR").with(as(org)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("REFUND_WINDOW_PASSED"))
        .andExpect(jsonPath("$.preview").doesNotExist())
        .andExpect(jsonPath("$.refundWindow.open").value(false))
        .andExpect(jsonPath("$.refundWindow.creditKept").value(false))
        .andExpect(jsonPath("$.message").value(containsString("17 mars 2026")));
    mvc.perform(post(cancellation(s)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"when\":\"NOW\",\"reason\":\"OTHER\"}").header("Accept-Language", "fr-FR").with(as(org)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("REFUND_WINDOW_PASSED"))
        .andExpect(jsonPath("$.refundWindowLastDay").value("2026-03-17"))
        .andExpect(jsonPath("$.detail").value(containsString("Le délai de remboursement a pris fin le 17 mars 2026")));
    assertThat(subscriptions.get(org.id(), s.id()).subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);

    // The page: the check offers the end of the term; a forged "now" comes back with the reason.
    mvc.perform(get("/billing/subscriptions/" + s.id() + "/cancel").with(onPages(org.admin())))
        .andExpect(content().string(containsString("data-outcome=\"REFUND_WINDOW_PASSED\"")))
        .andExpect(content().string(containsString("id=\"end-of-term-instead\"")));
    mvc.perform(post("/billing/subscriptions/" + s.id() + "/cancel").param("when", "NOW").param("reason", "OTHER")
            .param("lang", "en").with(onPages(org.admin())).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", containsString("The refund window closed on")));

    mvc.perform(post(cancellation(s)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"when\":\"END_OF_TERM\",\"reason\":\"OTHER\"}").with(as(org)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("ALLOWED"))
        .andExpect(jsonPath("$.preview.when").value("END_OF_TERM"))
        .andExpect(jsonPath("$.preview.effectiveOn").value("2026-04-10"));
    assertThat(billing.credits(org.id())).isEmpty();
  }

  @Test
  void a_call_asked_for_at_23_59_on_the_last_day_keeps_the_credit_when_support_cancels_on_day_12() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    CallbackRequest asked = askForACall(org, s, LAST_MINUTE);
    clock.set(DAY_12);
    callbacks.claim(org.id(), asked.id(), engineer);

    assertThat(consoleCard(asked)).contains("Asked within the refund window").doesNotContain("name=\"when\"");
    mvc.perform(get(assisted(org, s)).with(asEngineer()))
        .andExpect(jsonPath("$.outcome").value("ALLOWED"))
        .andExpect(jsonPath("$.refundWindow.open").value(false))
        .andExpect(jsonPath("$.refundWindow.keptByRequestOn").value("2026-03-17"))
        .andExpect(jsonPath("$.refundWindow.creditKept").value(true));
    mvc.perform(get("/billing/subscriptions/" + s.id() + "/cancel").param("lang", "en").with(onPages(org.admin())))
        .andExpect(content().string(containsString("keeps your right to a prorated credit")));
    mvc.perform(post(assisted(org, s)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"when\":\"NOW\",\"reason\":\"OTHER\",\"note\":\"Asked on the 17th; cancelled after the call\"}")
            .with(asEngineer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("ALLOWED"))
        // Prorated from the cancellation day (23 Mar .. 9 Apr: 18 days), not from the request day.
        .andExpect(jsonPath("$.preview.credit.amountMinor").value(2_903));
    assertThat(billing.credits(org.id())).singleElement()
        .satisfies(c -> assertThat(c.amount()).isEqualTo(Money.of(2_903, "EUR")));
  }

  @Test
  void the_organisation_itself_keeps_the_credit_after_asking_within_the_window() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    askForACall(org, s, Instant.parse("2026-03-12T08:00:00Z"));
    clock.set(DAY_12);
    mvc.perform(post(cancellation(s)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"when\":\"NOW\",\"reason\":\"OTHER\"}").with(as(org)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.preview.credit.amountMinor").value(2_903));
  }

  @Test
  void a_call_asked_for_at_midnight_after_the_window_does_not_keep_it() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    CallbackRequest asked = askForACall(org, s, NEXT_MIDNIGHT);
    clock.set(DAY_12);
    callbacks.claim(org.id(), asked.id(), engineer);

    assertThat(consoleCard(asked)).contains("Refund window closed on");
    // Issue 17: the console's cancel flow offers the end of the term only.
    mvc.perform(get("/support/" + org.id() + "/" + asked.id() + "/cancel").param("lang", "en").with(onPages(engineer)))
        .andExpect(content().string(containsString("id=\"end-of-term-instead\"")));
    mvc.perform(post(assisted(org, s)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"when\":\"NOW\",\"note\":\"called back\"}").with(asEngineer()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("REFUND_WINDOW_PASSED"));
    mvc.perform(post(assisted(org, s)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"when\":\"END_OF_TERM\",\"note\":\"called back\"}").with(asEngineer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.preview.when").value("END_OF_TERM"));
  }

  @Test
  void a_withdrawn_request_within_the_window_does_not_keep_it() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    CallbackRequest asked = askForACall(org, s, Instant.parse("2026-03-15T09:00:00Z"));
    callbacks.withdraw(org.id(), asked.id(), org.admin(), null);
    clock.set(DAY_12);
    mvc.perform(get(cancellation(s)).with(as(org)))
        .andExpect(jsonPath("$.outcome").value("REFUND_WINDOW_PASSED"))
        .andExpect(jsonPath("$.refundWindow.keptByRequestOn").doesNotExist());
  }

  /** The request's card on the support console (the claimed queue is shared by every test: page through it). */
  private String consoleCard(CallbackRequest r) throws Exception {
    String marker = "data-callback-id=\"" + r.id() + "\"";
    for (int page = 1; page <= 20; page++) {
      String html = mvc.perform(get("/support").param("status", "CLAIMED").param("size", "200")
              .param("page", String.valueOf(page)).param("lang", "en").with(onPages(engineer)))
          .andExpect(status().isOk())
          .andReturn().getResponse().getContentAsString();
      int at = html.indexOf(marker);
      if (at >= 0) {
        return html.substring(at, html.indexOf("</article>", at));
      }
    }
    throw new AssertionError("request " + r.id() + " is not on the console");
  }
}
