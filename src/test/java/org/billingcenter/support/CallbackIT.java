package org.billingcenter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.testing.PagedLists;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.Rejected;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

/** "Let us call you" from the organisation's ask to the engineer's completed call. */
class CallbackIT extends DatabaseIT {

  @Autowired CallbackService callbacks;
  @Autowired CallbackRepository repository;
  @Autowired CancellationService cancellations;
  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;
  @Autowired AuditLog audit;

  String engineer;

  @BeforeEach
  void anEngineer() {
    engineer = "eng-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(engineer, null, "Eng", Set.of(Role.SUPPORT_ENGINEER), null), "eng-password"));
  }

  private String ask(Given org, Subscription s, String phone, String language) {
    return """
        {"subscriptionId":"%s","contactName":"Nora","phone":"%s","language":"%s","preferredTimeWindow":"weekdays 9-12"}
        """.formatted(s.id(), phone, language);
  }

  @Test
  void a_callback_is_requested_claimed_and_completed_with_every_step_audited() throws Exception {
    Given org = tenants.tenant(25);
    Subscription s = tenants.subscription(org, 30, 25);
    String created =
        mvc.perform(post("/api/v1/callback-requests").contentType(MediaType.APPLICATION_JSON)
                .content(ask(org, s, "01 23 45 67 89", "fr"))
                .with(httpBasic(org.admin(), org.password())))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.phone").value("+33123456789"))
            .andExpect(jsonPath("$.status").value("NEW"))
            .andReturn().getResponse().getContentAsString();
    String id = JsonPath.read(created, "$.id");
    String base = "/api/v1/support/tenants/" + org.id() + "/callback-requests/" + id;

    // The queue is paged across every organisation: follow it to the end.
    assertThat(PagedLists.all(mvc, "/api/v1/support/callback-requests?status=NEW&size=200", httpBasic(engineer, "eng-password")))
        .filteredOn(r -> id.equals(r.get("id")))
        .singleElement()
        .satisfies(r -> assertThat(r.get("tenantId")).isEqualTo(org.id().toString()));
    mvc.perform(post(base + "/claim").with(httpBasic(engineer, "eng-password")))
        .andExpect(jsonPath("$.status").value("CLAIMED"))
        .andExpect(jsonPath("$.engineer").value(engineer));
    mvc.perform(post(base + "/complete").contentType(MediaType.APPLICATION_JSON).content("{\"notes\":\"\"}")
            .with(httpBasic(engineer, "eng-password")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("NOTES_REQUIRED"));
    mvc.perform(post("/api/v1/support/tenants/" + org.id() + "/subscriptions/" + s.id() + "/cancellation")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"TOO_EXPENSIVE\",\"note\":\"Customer asked on the call\"}")
            .with(httpBasic(engineer, "eng-password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("ALLOWED"));
    // Issue 17: cancelling for them on the claimed request completes it, as cancelled.
    mvc.perform(get(base).with(httpBasic(engineer, "eng-password")))
        .andExpect(jsonPath("$.status").value("COMPLETED"));

    assertThat(audit.history(org.id(), "callback_request", id))
        .extracting(e -> e.action() + " by " + e.actor())
        .containsExactly("CALLBACK_REQUESTED by " + org.admin(), "CALLBACK_CLAIMED by " + engineer,
            "CALLBACK_COMPLETED_CANCELLED by " + engineer);
  }

  @Test
  void only_one_open_request_per_subscription() {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 1);
    var ask = new CallbackService.NewCallback(s.id(), "Nora", "+45 32 12 34 56", "da", "any time");
    callbacks.request(org.id(), ask, "t");
    assertThatThrownBy(() -> callbacks.request(org.id(), ask, "t"))
        .isInstanceOf(Rejected.class)
        .extracting(e -> ((Rejected) e).reason())
        .isEqualTo(SupportReason.CALLBACK_ALREADY_OPEN);
  }

  @Test
  void the_database_itself_refuses_a_second_open_request() {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 1);
    CallbackRequest first = new CallbackRequest(org.id(), UUID.randomUUID(), s.id(), "A", "+4532123456", "da", "x",
        CallbackStatus.NEW, null, null, Instant.now(clock), Instant.now(clock), "t");
    repository.insert(first);
    CallbackRequest second = new CallbackRequest(org.id(), UUID.randomUUID(), s.id(), "B", "+4532123456", "da", "x",
        CallbackStatus.NEW, null, null, Instant.now(clock), Instant.now(clock), "t");
    assertThatThrownBy(() -> repository.insert(second)).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    callbacks.withdraw(org.id(), first.id(), "t", null);
    repository.insert(second); // a closed request no longer counts
    assertThat(repository.listForTenant(org.id(), CallbackService.Filter.ALL, PageRequest.FIRST)).hasSize(2);
  }

  @Test
  void a_bad_phone_or_language_is_refused_in_the_callers_language_and_nothing_is_stored() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 1);
    mvc.perform(post("/api/v1/callback-requests").contentType(MediaType.APPLICATION_JSON)
            .content(ask(org, s, "12345", "en")).header("Accept-Language", "da-DK")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("INVALID_PHONE"))
        .andExpect(jsonPath("$.detail").value(startsWith("Telefonnummeret er ikke gyldigt")));
    mvc.perform(post("/api/v1/callback-requests").contentType(MediaType.APPLICATION_JSON)
            .content(ask(org, s, "+33 1 23 45 67 89", "de"))
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.code").value("UNSUPPORTED_LANGUAGE"));
    mvc.perform(post("/api/v1/callback-requests").contentType(MediaType.APPLICATION_JSON)
            .content(ask(org, s, "+886 2 2345 6789", "zh-TW"))
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isCreated());
    assertThat(repository.listForTenant(org.id(), CallbackService.Filter.ALL, PageRequest.FIRST)).hasSize(1);
  }

  @Test
  void another_engineer_cannot_complete_a_claimed_request_and_tenants_cannot_use_the_console() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 1);
    CallbackRequest r = callbacks.request(org.id(), new CallbackService.NewCallback(s.id(), "N", "+33123456789", "en", "x"), "t");
    callbacks.claim(org.id(), r.id(), engineer);
    assertThatThrownBy(() -> callbacks.complete(org.id(), r.id(), "someone-else", "done"))
        .isInstanceOf(Rejected.class)
        .extracting(e -> ((Rejected) e).reason())
        .isEqualTo(SupportReason.CALLBACK_CLAIMED_BY_OTHER);
    mvc.perform(get("/api/v1/support/callback-requests").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isForbidden());
    Given other = tenants.tenant(0);
    mvc.perform(post("/api/v1/callback-requests/" + r.id() + "/withdraw").with(httpBasic(other.admin(), other.password())))
        .andExpect(status().isNotFound());
  }

  @Test
  void cancelling_online_withdraws_an_unclaimed_request_in_the_same_transaction() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 1);
    CallbackRequest r = callbacks.request(org.id(), new CallbackService.NewCallback(s.id(), "N", "+33123456789", "en", "x"), "t");
    cancellations.cancel(org.id(), s.id(), new Canceller("admin", Set.of(Role.GLOBAL_ADMIN), null),
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    assertThat(repository.listForTenant(org.id(), CallbackService.Filter.ALL, PageRequest.FIRST)).singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(CallbackStatus.WITHDRAWN));
    assertThat(r.status()).isEqualTo(CallbackStatus.NEW);
  }
  @Test
  void a_status_in_a_refusal_is_named_in_the_callers_language_not_by_its_constant() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 1);
    CallbackRequest r = callbacks.request(org.id(), new CallbackService.NewCallback(s.id(), "N", "+33123456789", "en", "x"), "t");
    callbacks.claim(org.id(), r.id(), engineer);
    String claimAgain = "/api/v1/support/tenants/" + org.id() + "/callback-requests/" + r.id() + "/claim";
    java.util.Map<String, String> expected = java.util.Map.of(
        "en", "This callback request cannot do that in its current status (Claimed).",
        "fr-FR", "Cette demande de rappel ne le permet pas dans son état actuel (Prise en charge).",
        "da-DK", "Det er ikke muligt, når anmodningen om opkald har status »Overtaget«.",
        "bg-BG", "Заявката за обаждане не позволява това в сегашното си състояние (Поета).",
        "zh-CN", "此回电请求在当前状态（已认领）下无法执行该操作。",
        "zh-TW", "此回電要求在目前狀態（已認領）下無法執行該動作。");
    for (var language : expected.entrySet()) {
      mvc.perform(post(claimAgain).header("Accept-Language", language.getKey()).with(httpBasic(engineer, "eng-password")))
          .andExpect(jsonPath("$.code").value("CALLBACK_WRONG_STATUS"))
          .andExpect(jsonPath("$.detail").value(language.getValue()));
    }
  }
}
