package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.ConstraintViolationException;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.NewCallback;
import org.billingcenter.support.CallbackStatus;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Page forms are checked against the same constraints as their API twins: a refused form comes back
 * (422) with a localised message next to the field and what was typed, and nothing is stored. Input
 * no form of ours sends in a query or an address (an unknown enum name, an id that does not parse)
 * is a localised 400 page.
 */
class PageFormValidationIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired CallbackService callbacks;
  @Autowired JdbcClient jdbc;
  @Autowired TenantService tenantService;
  @Autowired TransactionTemplate transaction;

  private SignedInAccount as(String username) {
    return accounts.loadUserByUsername(username);
  }

  @ParameterizedTest(name = "month {0}, last four {1}: {2} refused")
  @CsvSource(
      value = {"13, 4242, expiryMonth", "-5, 4242, expiryMonth", "'', 4242, expiryMonth", "12, abcd, last4"},
      emptyValue = "")
  void a_card_the_api_would_refuse_is_refused_on_the_page_with_the_field_marked_and_the_input_kept(
      String month, String last4, String field) throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 3, 1);
    String before = TenantFingerprint.of(jdbc, org.id());
    mvc.perform(post("/billing/subscriptions/" + s.id() + "/payment-method").with(user(as(org.admin()))).with(csrf())
            .param("lang", "fr-FR").param("token", "tok_typed_by_me").param("brand", "Visa").param("last4", last4)
            .param("expiryMonth", month).param("expiryYear", "2030"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"" + field + "-error\"")))
        .andExpect(content().string(containsString("value=\"tok_typed_by_me\"")))
        .andExpect(content().string(containsString("aria-describedby=\"" + field + "-error\"")))
        .andExpect(content().string(containsString("<html")));
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
  }

  @Test
  void the_card_error_is_in_the_pages_language() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 3, 1);
    mvc.perform(post("/billing/subscriptions/" + s.id() + "/payment-method").with(user(as(org.admin()))).with(csrf())
            .param("lang", "da-DK").param("token", "tok").param("brand", "Visa").param("last4", "4242")
            .param("expiryMonth", "abcd").param("expiryYear", "2030"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Angiv en gyldig værdi.")));
  }

  @Test
  void the_api_refuses_the_same_card_with_its_usual_422_shape() throws Exception {
    Given org = tenants.tenant(0);
    mvc.perform(post("/api/v1/payment-methods").with(httpBasic(org.admin(), org.password()))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"token\":\"tok\",\"brand\":\"Visa\",\"last4\":\"abcd\",\"expiryMonth\":13,\"expiryYear\":2030}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[?(@.field == 'expiryMonth')].message").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'last4')].message").exists());
  }

  @Test
  void a_contact_name_over_200_characters_is_refused_on_the_cancel_page_and_nothing_is_stored() throws Exception {
    Given org = tenants.tenant(25);
    Subscription s = tenants.subscription(org, 30, 25);
    String before = TenantFingerprint.of(jdbc, org.id());
    mvc.perform(post("/billing/subscriptions/" + s.id() + "/callback").with(user(as(org.admin()))).with(csrf())
            .param("lang", "en").param("contactName", "N".repeat(201)).param("phone", "+33 1 23 45 67 89")
            .param("language", "fr").param("preferredTimeWindow", "mornings"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"contactName-error\"")))
        .andExpect(content().string(containsString("value=\"mornings\"")));
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
  }

  @Test
  void a_survey_comment_over_2000_characters_is_refused_at_review_and_at_confirmation() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    String before = TenantFingerprint.of(jdbc, org.id());
    for (String step : new String[] {"/cancel/review", "/cancel"}) {
      mvc.perform(post("/billing/subscriptions/" + s.id() + step).with(user(as(org.admin()))).with(csrf())
              .param("when", "NOW").param("reason", "OTHER").param("comment", "c".repeat(2001)))
          .andExpect(status().isUnprocessableContent())
          .andExpect(content().string(containsString("id=\"comment-error\"")));
    }
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
  }

  @Test
  void support_notes_over_4000_and_an_assisted_note_over_2000_characters_are_refused() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    String engineer = "eng-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(t -> accounts.createOperatorAccount(
        new AdminAccount(engineer, null, "Eng", Set.of(Role.SUPPORT_ENGINEER), null), "eng-password"));
    CallbackRequest r = callbacks.request(org.id(), new NewCallback(s.id(), "Nora", "+33123456789", "fr", "x"), "t");
    callbacks.claim(org.id(), r.id(), engineer);
    String before = TenantFingerprint.of(jdbc, org.id());

    mvc.perform(post("/support/" + org.id() + "/" + r.id() + "/complete").with(user(as(engineer))).with(csrf())
            .param("notes", "n".repeat(4001)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"notes-" + r.id() + "-error\"")));
    // Issue 17: the assisted cancellation's preview step, from the request.
    mvc.perform(post("/support/" + org.id() + "/" + r.id() + "/cancel/review").with(user(as(engineer))).with(csrf())
            .param("note", "n".repeat(2001)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"note-error\"")));

    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
    assertThat(callbacks.forTenant(org.id(), PageRequest.FIRST).items()).singleElement().extracting(CallbackRequest::status)
        .isEqualTo(CallbackStatus.CLAIMED);
  }

  @Test
  void removing_licenses_takes_at_least_one_and_at_most_ten_thousand_users_as_the_api_does() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 2);
    mvc.perform(post("/users/unassign").with(user(as(org.admin()))).with(csrf()).param("lang", "en")
            .param("subscription", s.id().toString()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Choose at least one user.")));
    String[] tooMany = new String[10_001];
    java.util.Arrays.setAll(tooMany, i -> i == 0 ? org.members().get(0).toString() : UUID.randomUUID().toString());
    mvc.perform(post("/users/unassign").with(user(as(org.admin()))).with(csrf())
            .param("subscription", s.id().toString()).param("memberIds", tooMany))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"memberIds-error\"")));
    assertThat(tenants.assigned(org, s)).isEqualTo(2);
  }

  @Test
  void the_services_check_the_same_constraints_whatever_the_caller() {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 3, 1);
    String before = TenantFingerprint.of(jdbc, org.id());
    assertThatThrownBy(() -> tenantService.addPaymentMethod(
            org.id(), new NewPaymentMethod("tok", "Visa", "abcd", 13, 2030), "t"))
        .isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(() -> callbacks.request(
            org.id(), new NewCallback(s.id(), "N".repeat(201), "+33123456789", "fr", "x"), "t"))
        .isInstanceOf(ConstraintViolationException.class);
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
  }

  @Test
  void an_unknown_enum_or_an_unparsable_id_is_a_localised_400_page() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 5, 3);
    mvc.perform(get("/billing/subscriptions/" + s.id() + "/cancel").param("when", "LATER").param("lang", "fr-FR")
            .with(user(as(org.admin()))))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("La requête n’a pas pu être comprise")));
    mvc.perform(get("/billing/subscriptions/not-a-uuid").param("lang", "en").with(user(as(org.admin()))))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("The request could not be understood")));
    mvc.perform(post("/billing/subscriptions/" + s.id() + "/cancel").with(user(as(org.admin()))).with(csrf())
            .param("when", "NOW").param("reason", "NOT_A_REASON"))
        // A bound form: the unknown name is a field error next to the reasons, the survey shown again.
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"reason-error\"")));
    assertThat(tenants.assigned(org, s)).isEqualTo(3);
  }
}
