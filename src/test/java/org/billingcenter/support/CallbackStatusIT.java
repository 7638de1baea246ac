package org.billingcenter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Waiting for a call, from the organisation's side: its pages follow the request through claim and
 * completion, the requester (or a Global admin) withdraws it, a second one is never offered while
 * one is open, and no other organisation sees or touches it.
 */
class CallbackStatusIT extends DatabaseIT {

  static final String ENGINEER = "eng-callback-status";

  @Autowired CallbackService callbacks;
  @Autowired AccountService accounts;
  @Autowired SubscriptionService subscriptions;
  @Autowired AuditLog audit;

  private SignedInAccount as(String username) {
    return accounts.loadUserByUsername(username);
  }

  /** A subscription at the license threshold: its cancel step can only offer a call. */
  private Subscription atThreshold(Given org) {
    return tenants.subscription(org, 30, 25);
  }

  private ResultActions askOnThePage(Given org, String username, Subscription s) throws Exception {
    return mvc.perform(post("/billing/subscriptions/" + s.id() + "/callback")
        .param("contactName", "Nora Lind").param("phone", "+33 1 23 45 67 89").param("language", "fr")
        .param("preferredTimeWindow", "weekdays 9-12").param("lang", "en")
        .with(user(as(username))).with(csrf()));
  }

  private String page(String path, String username) throws Exception {
    return mvc.perform(get(path).param("lang", "en").with(user(as(username))))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  private CallbackRequest theOnlyRequest(Given org) {
    return callbacks.forTenant(org.id(), PageRequest.FIRST).items().get(0);
  }

  private static String callbackForm(Subscription s) {
    return "action=\"/billing/subscriptions/" + s.id() + "/callback\"";
  }

  private String product(Given org, Subscription s) {
    return subscriptions.list(org.id()).stream()
        .filter(x -> x.subscription().id().equals(s.id())).findFirst().orElseThrow().productName();
  }

  @Test
  void the_details_page_the_cancel_step_and_the_help_panel_follow_the_request_until_it_is_done() throws Exception {
    Given org = tenants.tenant(25);
    Subscription s = atThreshold(org);
    String details = "/billing/subscriptions/" + s.id();
    assertThat(page(details, org.admin())).doesNotContain("id=\"callback-status\"");

    askOnThePage(org, org.admin(), s).andExpect(redirectedUrl(details + "/cancel"));
    CallbackRequest r = theOnlyRequest(org);
    String reference = r.id().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    assertThat(page(details + "/cancel", org.admin()))
        .contains(reference, "data-status=\"NEW\"", ">Requested<", "weekdays 9-12", "Nora Lind, +33123456789", "French")
        .contains("11:00") // 10:00 UTC, on the organisation's Paris clock
        .contains("While this request is open, you cannot ask for a second call.")
        .doesNotContain(callbackForm(s));
    assertThat(page(details, org.admin())).contains(reference, ">Requested<", "id=\"withdraw-callback\"");
    assertThat(page("/billing/products", org.admin()))
        .contains("We will call you about " + product(org, s) + ": requested");

    callbacks.claim(org.id(), r.id(), ENGINEER);
    assertThat(page(details, org.admin())).contains(">An engineer is on it<", "id=\"withdraw-callback\"");
    assertThat(page(details + "/cancel", org.admin())).contains(">An engineer is on it<").doesNotContain(callbackForm(s));
    assertThat(page("/billing/products", org.admin()))
        .contains("We will call you about " + product(org, s) + ": an engineer is on it");

    callbacks.complete(org.id(), r.id(), ENGINEER, "Agreed to remove licenses");
    assertThat(page(details, org.admin())).contains(">Done<").doesNotContain("id=\"withdraw-callback\"");
    assertThat(page(details + "/cancel", org.admin())).contains(">Done<", callbackForm(s));
    assertThat(page("/billing/products", org.admin())).doesNotContain("id=\"help-waiting-calls\"");
  }

  @Test
  void the_requester_withdraws_from_the_cancel_step_once_and_may_ask_again() throws Exception {
    Given org = tenants.tenant(25);
    Subscription s = atThreshold(org);
    askOnThePage(org, org.admin(), s);
    CallbackRequest r = theOnlyRequest(org);
    String withdrawal = "/billing/subscriptions/" + s.id() + "/callback-requests/" + r.id() + "/withdrawal";
    for (int click = 0; click < 2; click++) { // a second click changes nothing twice
      mvc.perform(post(withdrawal).param("back", "CANCEL").with(user(as(org.admin()))).with(csrf()))
          .andExpect(redirectedUrl("/billing/subscriptions/" + s.id() + "/cancel"))
          .andExpect(flash().attribute("notice", "callback.notice.withdrawn"));
    }
    assertThat(page("/billing/subscriptions/" + s.id() + "/cancel", org.admin()))
        .contains(">Withdrawn<", callbackForm(s)).doesNotContain("id=\"withdraw-callback\"");
    assertThat(audit.history(org.id(), "callback_request", r.id().toString()))
        .extracting(e -> e.action() + " by " + e.actor())
        .containsExactly("CALLBACK_REQUESTED by " + org.admin(), "CALLBACK_WITHDRAWN by " + org.admin());

    askOnThePage(org, org.admin(), s).andExpect(flash().attribute("notice", "cancel.callback.requested"));
    assertThat(page("/billing/subscriptions/" + s.id(), org.admin())).contains(">Requested<");
  }

  @Test
  void only_the_requester_or_a_global_admin_may_withdraw() throws Exception {
    Given org = tenants.tenant(25);
    Subscription s = atThreshold(org);
    String asker = tenants.account(org, Role.BILLING_ADMIN);
    String colleague = tenants.account(org, Role.BILLING_ADMIN);
    askOnThePage(org, asker, s);
    CallbackRequest r = theOnlyRequest(org);
    assertThat(r.requestedBy()).isEqualTo(asker);
    assertThat(page("/billing/subscriptions/" + s.id(), colleague)).contains(">Requested<").doesNotContain("id=\"withdraw-callback\"");
    assertThat(page("/billing/subscriptions/" + s.id(), tenants.account(org, Role.READER))).doesNotContain("id=\"withdraw-callback\"");
    mvc.perform(post("/api/v1/callback-requests/" + r.id() + "/withdrawal").with(httpBasic(colleague, "password")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("CALLBACK_NOT_REQUESTER"));

    for (int attempt = 0; attempt < 2; attempt++) { // a retry with the same key is answered the same, acting once
      mvc.perform(post("/api/v1/callback-requests/" + r.id() + "/withdrawal").header("Idempotency-Key", "withdraw-" + r.id())
              .with(httpBasic(org.admin(), org.password())))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.status").value("WITHDRAWN"))
          .andExpect(jsonPath("$.reference").value(r.reference()));
    }
    assertThat(audit.history(org.id(), "callback_request", r.id().toString()))
        .extracting(e -> e.action() + " by " + e.actor())
        .containsExactly("CALLBACK_REQUESTED by " + asker, "CALLBACK_WITHDRAWN by " + org.admin());
    mvc.perform(post("/api/v1/callback-requests/" + r.id() + "/withdrawal").header("Accept-Language", "fr-FR")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("CALLBACK_NOT_OPEN"))
        .andExpect(jsonPath("$.detail").value("Cette demande de rappel n'est plus ouverte (Retirée) et ne peut donc pas être retirée."));
  }

  @Test
  void a_second_request_while_one_is_open_is_refused_in_the_callers_language_and_never_offered() throws Exception {
    Given org = tenants.tenant(25);
    Subscription s = atThreshold(org);
    String ask = """
        {"subscriptionId":"%s","contactName":"Nora","phone":"+45 32 12 34 56","language":"da","preferredTimeWindow":"any time"}
        """.formatted(s.id());
    mvc.perform(post("/api/v1/callback-requests").contentType(MediaType.APPLICATION_JSON).content(ask)
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.requestedBy").value(org.admin()));
    mvc.perform(post("/api/v1/callback-requests").contentType(MediaType.APPLICATION_JSON).content(ask)
            .header("Accept-Language", "da-DK").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("CALLBACK_ALREADY_OPEN"))
        .andExpect(jsonPath("$.detail").value("Der er allerede en åben anmodning om opkald for dette abonnement."));
    assertThat(page("/billing/subscriptions/" + s.id() + "/cancel", org.admin())).doesNotContain(callbackForm(s));
    // A form kept open in another tab is refused back to the page, not answered with an error page.
    askOnThePage(org, org.admin(), s)
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", "A callback request for this subscription is already open."));
    assertThat(callbacks.forTenant(org.id(), PageRequest.FIRST).items()).hasSize(1);
  }

  @Test
  void the_api_lists_the_organisations_own_requests_by_subscription_and_status_and_the_old_path_still_withdraws()
      throws Exception {
    Given org = tenants.tenant(25);
    Subscription first = atThreshold(org);
    Subscription second = tenants.subscription(org, 2, 0);
    CallbackRequest a = callbacks.request(org.id(), new CallbackService.NewCallback(first.id(), "A", "+33123456789", "en", "x"), org.admin());
    CallbackRequest b = callbacks.request(org.id(), new CallbackService.NewCallback(second.id(), "B", "+33123456789", "en", "y"), org.admin());
    mvc.perform(post("/api/v1/callback-requests/" + b.id() + "/withdraw").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("WITHDRAWN"));

    mvc.perform(get("/api/v1/callback-requests").with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$", hasSize(2)));
    mvc.perform(get("/api/v1/callback-requests").param("status", "NEW").with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].id").value(a.id().toString()))
        .andExpect(jsonPath("$[0].reference").value(a.reference()));
    mvc.perform(get("/api/v1/callback-requests").param("subscriptionId", second.id().toString())
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].status").value("WITHDRAWN"));
    mvc.perform(get("/api/v1/callback-requests").param("subscriptionId", second.id().toString()).param("status", "NEW")
            .with(httpBasic(tenants.account(org, Role.READER), "password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(0)));
    mvc.perform(get("/api/v1/callback-requests").param("status", "LOST").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isBadRequest());
  }

  @Test
  void another_organisation_neither_sees_nor_withdraws_the_request() throws Exception {
    Given org = tenants.tenant(25);
    Subscription s = atThreshold(org);
    askOnThePage(org, org.admin(), s);
    CallbackRequest r = theOnlyRequest(org);
    Given other = tenants.tenant(1);
    Subscription theirs = tenants.subscription(other, 2, 1);

    String listed = mvc.perform(get("/api/v1/callback-requests").param("subscriptionId", s.id().toString())
            .with(httpBasic(other.admin(), other.password())))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(JsonPath.<java.util.List<Object>>read(listed, "$")).isEmpty();
    mvc.perform(post("/api/v1/callback-requests/" + r.id() + "/withdrawal").with(httpBasic(other.admin(), other.password())))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("CALLBACK_NOT_FOUND"));
    // Through the other organisation's own subscription in the address: still not theirs.
    mvc.perform(post("/billing/subscriptions/" + theirs.id() + "/callback-requests/" + r.id() + "/withdrawal").param("lang", "en").param("back", "DETAILS")
            .with(user(as(other.admin()))).with(csrf()))
        .andExpect(flash().attribute("error", "No such callback request."));
    // The organisation's own request under another of its subscriptions' addresses is refused too.
    Subscription sibling = tenants.subscription(org, 2, 0);
    mvc.perform(post("/billing/subscriptions/" + sibling.id() + "/callback-requests/" + r.id() + "/withdrawal").param("lang", "en").param("back", "DETAILS")
            .with(user(as(org.admin()))).with(csrf()))
        .andExpect(flash().attribute("error", "No such callback request."));
    assertThat(page("/billing/subscriptions/" + theirs.id(), other.admin())).doesNotContain(r.reference());
    assertThat(page("/billing/products", other.admin())).doesNotContain("id=\"help-waiting-calls\"");
    assertThat(callbacks.get(org.id(), r.id()).status()).isEqualTo(CallbackStatus.NEW);
  }
}
