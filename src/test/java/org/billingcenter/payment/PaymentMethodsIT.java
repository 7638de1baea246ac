package org.billingcenter.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 18: the organisation's payment methods through the API and the pages, on H2 and PostgreSQL:
 * updated, made default, replaced for all subscriptions (which moves the default too), removed only
 * once nothing uses them; hostile input is a 4xx that changes nothing; a Reader only looks.
 */
class PaymentMethodsIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired TenantService tenantService;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  private MockHttpServletResponse call(MockHttpServletRequestBuilder request, RequestPostProcessor caller) throws Exception {
    return mvc.perform(request.with(caller).header("Accept-Language", "en")).andReturn().getResponse();
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static RequestPostProcessor admin(Given org) {
    return httpBasic(org.admin(), org.password());
  }

  /** Adds a card through the API; its id. */
  private String addCard(Given org, String token, String last4, String holder) throws Exception {
    MockHttpServletResponse added = call(json(post("/api/v1/payment-methods"), """
        {"token":"%s","brand":"Mastercard","last4":"%s","expiryMonth":6,"expiryYear":2031%s}
        """.formatted(token, last4, holder == null ? "" : ",\"holderName\":\"" + holder + "\"")), admin(org));
    assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
    assertThat(added.getContentAsString()).doesNotContain(token);
    return JsonPath.read(added.getContentAsString(), "$.id");
  }

  private UUID methodOf(Given org, Subscription s) {
    return jdbc.sql("select payment_method_id from subscription where tenant_id = :t and subscription_id = :s")
        .param("t", org.id().value()).param("s", s.id().value()).query(UUID.class).single();
  }

  @Test
  void the_list_shows_the_default_first_with_its_holder_and_how_many_subscriptions_pay_with_each() throws Exception {
    Given org = tenants.tenant(0);
    tenants.subscription(org, 2, 0);
    tenants.subscription(org, 3, 0);
    String second = addCard(org, "tok_visa_" + UUID.randomUUID(), "4444", "  Ada Lovelace ");

    MockHttpServletResponse list = call(get("/api/v1/payment-methods"), admin(org));
    assertThat(list.getStatus()).isEqualTo(200);
    String body = list.getContentAsString();
    assertThat(JsonPath.<List<String>>read(body, "$[*].id")).containsExactly(org.card().toString(), second);
    assertThat(JsonPath.<List<Boolean>>read(body, "$[*].isDefault")).containsExactly(true, false);
    assertThat(JsonPath.<List<Integer>>read(body, "$[*].subscriptions")).containsExactly(2, 0);
    assertThat(JsonPath.<String>read(body, "$[1].holderName")).isEqualTo("Ada Lovelace");
    assertThat(body).doesNotContain("tok_");
    assertThat(list.getHeader("X-Total-Count")).isEqualTo("2");
  }

  @Test
  void an_admin_updates_expiry_and_holder_name_and_bad_values_are_refused_and_change_nothing() throws Exception {
    Given org = tenants.tenant(0);
    String card = org.card().toString();
    MockHttpServletResponse updated = call(json(patch("/api/v1/payment-methods/" + card),
        "{\"expiryMonth\": 12, \"expiryYear\": 2030, \"holderName\": \"Ada Lovelace\"}"), admin(org));
    assertThat(updated.getStatus()).as(updated.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(updated.getContentAsString(), "$.expiryYear")).isEqualTo(2030);
    assertThat(JsonPath.<String>read(updated.getContentAsString(), "$.holderName")).isEqualTo("Ada Lovelace");
    assertThat(audit.history(org.id(), "payment_method", card)).extracting(AuditEvent::action)
        .contains("PAYMENT_METHOD_UPDATED");

    String before = TenantFingerprint.of(jdbc, org.id()) + holderAndExpiry(org);
    // 2026-02 is past in the tenant's March 2026; 2047 is more than 20 years ahead
    for (String bad : List.of("{\"expiryMonth\":2,\"expiryYear\":2026}", "{\"expiryMonth\":1,\"expiryYear\":2047}",
        "{\"expiryMonth\":13,\"expiryYear\":2030}", "{\"expiryMonth\":0,\"expiryYear\":2030}",
        "{\"expiryYear\":2030}", "{\"expiryMonth\":5,\"expiryYear\":2030,\"holderName\":\"Ada\\u0007\"}",
        "{\"expiryMonth\":5,\"expiryYear\":2030,\"holderName\":\"" + "x".repeat(201) + "\"}")) {
      MockHttpServletResponse refused = call(json(patch("/api/v1/payment-methods/" + card), bad), admin(org));
      assertThat(refused.getStatus()).as(bad + " " + refused.getContentAsString()).isEqualTo(422);
    }
    MockHttpServletResponse tooFar = call(json(patch("/api/v1/payment-methods/" + card),
        "{\"expiryMonth\":1,\"expiryYear\":2047}"), admin(org));
    assertThat(JsonPath.<String>read(tooFar.getContentAsString(), "$.code")).isEqualTo("PAYMENT_METHOD_EXPIRY_TOO_FAR");
    for (String bad : List.of("[]", "{\"expiryMonth\":\"x\"}", "{")) {
      assertThat(call(json(patch("/api/v1/payment-methods/" + card), bad), admin(org)).getStatus()).as(bad).isEqualTo(400);
    }
    assertThat(call(json(patch("/api/v1/payment-methods/not-a-uuid"), "{\"expiryMonth\":5,\"expiryYear\":2030}"), admin(org))
        .getStatus()).isEqualTo(400);
    MockHttpServletResponse unknown = call(json(patch("/api/v1/payment-methods/" + UUID.randomUUID()),
        "{\"expiryMonth\":5,\"expiryYear\":2030}"), admin(org));
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(JsonPath.<String>read(unknown.getContentAsString(), "$.code")).isEqualTo("PAYMENT_METHOD_NOT_FOUND");
    assertThat(TenantFingerprint.of(jdbc, org.id()) + holderAndExpiry(org)).isEqualTo(before);

    // Absent: the name stays; empty: it goes
    call(json(patch("/api/v1/payment-methods/" + card), "{\"expiryMonth\":7,\"expiryYear\":2031}"), admin(org));
    assertThat(tenantService.paymentMethod(org.id(), org.card()).holderName()).isEqualTo("Ada Lovelace");
    call(json(patch("/api/v1/payment-methods/" + card), "{\"expiryMonth\":7,\"expiryYear\":2031,\"holderName\":\" \"}"), admin(org));
    assertThat(tenantService.paymentMethod(org.id(), org.card()).holderName()).isNull();
  }

  @Test
  void replacing_the_default_moves_every_subscription_and_the_default_after_a_preview_that_changes_nothing() throws Exception {
    Given org = tenants.tenant(0);
    Subscription first = tenants.subscription(org, 2, 0);
    Subscription second = tenants.subscription(org, 1, 0);
    String old = org.card().toString();
    String fresh = addCard(org, "tok_visa_" + UUID.randomUUID(), "4242", null);

    String before = TenantFingerprint.of(jdbc, org.id());
    MockHttpServletResponse preview = call(get("/api/v1/payment-methods/" + old + "/replacement?with=" + fresh), admin(org));
    assertThat(preview.getStatus()).as(preview.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(preview.getContentAsString(), "$.subscriptions")).isEqualTo(2);
    assertThat(JsonPath.<Boolean>read(preview.getContentAsString(), "$.defaultMoves")).isTrue();
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
    assertThat(call(get("/api/v1/payment-methods/" + old + "/replacement?with=" + old), admin(org)).getStatus()).isEqualTo(422);
    // ApiFuzzIT found these answering 500 once: no replacement named is a 422 too
    assertThat(call(get("/api/v1/payment-methods/" + old + "/replacement"), admin(org)).getStatus()).isEqualTo(422);
    assertThat(call(get("/api/v1/payment-methods/" + old + "/replacement?with="), admin(org)).getStatus()).isEqualTo(422);

    MockHttpServletResponse replaced = call(json(post("/api/v1/payment-methods/" + old + "/replacement"),
        "{\"replacementId\":\"" + fresh + "\"}"), admin(org));
    assertThat(replaced.getStatus()).as(replaced.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(replaced.getContentAsString(), "$.subscriptions")).isEqualTo(2);
    assertThat(methodOf(org, first)).hasToString(fresh);
    assertThat(methodOf(org, second)).hasToString(fresh);
    assertThat(tenantService.defaultPaymentMethod(org.id())).contains(PaymentMethodId.of(fresh));
    assertThat(audit.history(org.id(), "subscription", first.id().toString())).extracting(AuditEvent::action)
        .contains("PAYMENT_METHOD_CHANGED");
    assertThat(audit.history(org.id(), "payment_method", old)).extracting(AuditEvent::action)
        .contains("PAYMENT_METHOD_REPLACED");

    // The default goes back by itself; the subscriptions stay where they were moved
    MockHttpServletResponse back = call(post("/api/v1/payment-methods/" + old + "/default"), admin(org));
    assertThat(back.getStatus()).as(back.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<Boolean>read(back.getContentAsString(), "$.isDefault")).isTrue();
    assertThat(methodOf(org, first)).hasToString(fresh);
  }

  @Test
  void removal_is_refused_while_subscriptions_pay_with_it_or_it_is_the_default_and_allowed_once_nothing_uses_it()
      throws Exception {
    Given org = tenants.tenant(0);
    tenants.subscription(org, 2, 0);
    String old = org.card().toString();
    String spare = addCard(org, "tok_visa_" + UUID.randomUUID(), "1111", null);
    String fresh = addCard(org, "tok_visa_" + UUID.randomUUID(), "2222", null);

    MockHttpServletResponse inUse = call(delete("/api/v1/payment-methods/" + old), admin(org));
    assertThat(inUse.getStatus()).isEqualTo(409);
    assertThat(JsonPath.<String>read(inUse.getContentAsString(), "$.code")).isEqualTo("PAYMENT_METHOD_IN_USE");
    assertThat(JsonPath.<Integer>read(inUse.getContentAsString(), "$.subscriptions")).isEqualTo(1);
    assertThat(JsonPath.<String>read(inUse.getContentAsString(), "$.detail")).contains("1 subscription still pays");

    // Nothing uses the spare one: it goes, and is gone from the list and every action
    assertThat(call(delete("/api/v1/payment-methods/" + spare), admin(org)).getStatus()).isEqualTo(204);
    assertThat(JsonPath.<List<String>>read(call(get("/api/v1/payment-methods"), admin(org)).getContentAsString(), "$[*].id"))
        .containsExactly(old, fresh);
    assertThat(call(delete("/api/v1/payment-methods/" + spare), admin(org)).getStatus()).isEqualTo(404);
    assertThat(call(post("/api/v1/payment-methods/" + spare + "/default"), admin(org)).getStatus()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from payment_method where tenant_id = :t and payment_method_id = :id and removed_at is not null")
        .param("t", org.id().value()).param("id", UUID.fromString(spare)).query(Long.class).single())
        .as("kept for the payments that name it").isEqualTo(1);

    // Replaced, then made the default again: unused, but the default while another method exists
    call(json(post("/api/v1/payment-methods/" + old + "/replacement"), "{\"replacementId\":\"" + fresh + "\"}"), admin(org));
    call(post("/api/v1/payment-methods/" + old + "/default"), admin(org));
    MockHttpServletResponse isDefault = call(delete("/api/v1/payment-methods/" + old), admin(org));
    assertThat(isDefault.getStatus()).isEqualTo(409);
    assertThat(JsonPath.<Boolean>read(isDefault.getContentAsString(), "$.isDefault")).isTrue();
    assertThat(JsonPath.<Integer>read(isDefault.getContentAsString(), "$.subscriptions")).isZero();

    call(post("/api/v1/payment-methods/" + fresh + "/default"), admin(org));
    assertThat(call(delete("/api/v1/payment-methods/" + old), admin(org)).getStatus()).isEqualTo(204);
    assertThat(JsonPath.<List<String>>read(call(get("/api/v1/payment-methods"), admin(org)).getContentAsString(), "$[*].id"))
        .containsExactly(fresh);
    assertThat(audit.history(org.id(), "payment_method", old)).extracting(AuditEvent::action)
        .contains("PAYMENT_METHOD_REMOVED");
    // The last one pays for the subscription now: refused too
    assertThat(call(delete("/api/v1/payment-methods/" + fresh), admin(org)).getStatus()).isEqualTo(409);
  }

  @Test
  void another_organisations_method_is_not_found_and_a_reader_or_user_admin_only_looks() throws Exception {
    Given org = tenants.tenant(0);
    Given other = tenants.tenant(0);
    String theirs = other.card().toString();
    String mine = org.card().toString();
    String before = TenantFingerprint.of(jdbc, other.id());
    for (MockHttpServletRequestBuilder attack : List.of(
        json(patch("/api/v1/payment-methods/" + theirs), "{\"expiryMonth\":5,\"expiryYear\":2030}"),
        post("/api/v1/payment-methods/" + theirs + "/default"), delete("/api/v1/payment-methods/" + theirs),
        get("/api/v1/payment-methods/" + theirs + "/replacement?with=" + mine),
        get("/api/v1/payment-methods/" + mine + "/replacement?with=" + theirs),
        json(post("/api/v1/payment-methods/" + mine + "/replacement"), "{\"replacementId\":\"" + theirs + "\"}"))) {
      assertThat(call(attack, admin(org)).getStatus()).isEqualTo(404);
    }
    assertThat(TenantFingerprint.of(jdbc, other.id())).isEqualTo(before);

    List<String> lookers = List.of(tenants.account(org, Role.READER), tenants.account(org, Role.USER_ADMIN));
    String mineBefore = TenantFingerprint.of(jdbc, org.id());
    for (String username : lookers) {
      RequestPostProcessor looker = httpBasic(username, "password");
      assertThat(call(get("/api/v1/payment-methods"), looker).getStatus()).isEqualTo(200);
      assertThat(call(json(patch("/api/v1/payment-methods/" + mine), "{\"expiryMonth\":5,\"expiryYear\":2030}"), looker)
          .getStatus()).isEqualTo(403);
      assertThat(call(post("/api/v1/payment-methods/" + mine + "/default"), looker).getStatus()).isEqualTo(403);
      assertThat(call(delete("/api/v1/payment-methods/" + mine), looker).getStatus()).isEqualTo(403);
      var signedIn = user(accounts.loadUserByUsername(username));
      MockHttpServletResponse page = call(get("/billing/payment-methods"), signedIn);
      assertThat(page.getStatus()).isEqualTo(200);
      assertThat(page.getContentAsString()).contains("Visa •••• 4242").doesNotContain("/edit").doesNotContain("/remove");
      assertThat(call(get("/billing/payment-methods/new"), signedIn).getStatus()).isEqualTo(403);
      assertThat(call(post("/billing/payment-methods/" + mine + "/remove").with(csrf()), signedIn).getStatus()).isEqualTo(403);
    }
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(mineBefore);
  }

  @Test
  void an_admin_adds_edits_makes_default_replaces_and_removes_through_the_pages() throws Exception {
    Given org = tenants.tenant(0);
    tenants.subscription(org, 2, 0);
    var me = user(accounts.loadUserByUsername(org.admin()));
    String old = org.card().toString();

    assertThat(call(get("/billing/payment-methods/new"), me).getContentAsString()).contains("tok_chargeDeclined");
    MockHttpServletResponse refused = call(post("/billing/payment-methods").with(csrf()).param("token", "tok_visa")
        .param("brand", "Mastercard").param("last4", "12x4").param("expiryMonth", "5").param("expiryYear", "2030"), me);
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentAsString()).contains("value=\"tok_visa\"").contains("last4-error");
    MockHttpServletResponse added = call(post("/billing/payment-methods").with(csrf()).param("token", "tok_visa_page")
        .param("brand", "Mastercard").param("last4", "5454").param("expiryMonth", "5").param("expiryYear", "2030")
        .param("holderName", "Grace Hopper"), me);
    assertThat(added.getStatus()).isEqualTo(302);
    String fresh = jdbc.sql("select payment_method_id from payment_method where tenant_id = :t and last4 = '5454'")
        .param("t", org.id().value()).query(UUID.class).single().toString();
    String list = call(get("/billing/payment-methods"), me).getContentAsString();
    assertThat(list).contains("Mastercard •••• 5454").contains("Grace Hopper").contains("1 abonnement").contains("Aucun abonnement").contains("05/2030");

    MockHttpServletResponse pastYear = call(post("/billing/payment-methods/" + fresh).with(csrf())
        .param("expiryMonth", "1").param("expiryYear", "2026").param("holderName", "Grace"), me);
    assertThat(pastYear.getStatus()).isEqualTo(422);
    assertThat(pastYear.getContentAsString()).contains("expiryYear-error").contains("value=\"Grace\"");
    assertThat(call(post("/billing/payment-methods/" + fresh).with(csrf()).param("expiryMonth", "abc")
        .param("expiryYear", "2030"), me).getStatus()).isEqualTo(422);
    assertThat(call(post("/billing/payment-methods/not-a-uuid").with(csrf()).param("expiryMonth", "5")
        .param("expiryYear", "2030"), me).getStatus()).isEqualTo(400);
    assertThat(call(post("/billing/payment-methods/" + fresh).with(csrf()).param("expiryMonth", "9")
        .param("expiryYear", "2032").param("holderName", "Grace B. Hopper"), me).getStatus()).isEqualTo(302);
    assertThat(tenantService.paymentMethod(org.id(), PaymentMethodId.of(fresh)).holderName()).isEqualTo("Grace B. Hopper");

    String preview = call(get("/billing/payment-methods/" + old + "/replace").param("with", fresh), me).getContentAsString();
    // The organisation's language (fr-FR) is the signed-in admin's
    assertThat(preview).contains("1 abonnement sera payé avec Mastercard •••• 5454")
        .contains("deviendra aussi votre moyen de paiement par défaut");
    assertThat(call(get("/billing/payment-methods/" + old + "/replace").param("with", fresh).header("HX-Request", "true"), me)
        .getContentAsString()).startsWith("<section id=\"preview\"");
    assertThat(call(get("/billing/payment-methods/" + old + "/remove"), me).getContentAsString())
        .contains("remove-in-use").doesNotContain("confirm-remove");
    assertThat(call(post("/billing/payment-methods/" + old + "/replace").with(csrf()).param("replacementId", fresh), me)
        .getStatus()).isEqualTo(302);
    assertThat(tenantService.defaultPaymentMethod(org.id())).contains(PaymentMethodId.of(fresh));

    assertThat(call(post("/billing/payment-methods/" + old + "/default").with(csrf()), me).getStatus()).isEqualTo(302);
    assertThat(tenantService.defaultPaymentMethod(org.id())).contains(org.card());
    call(post("/billing/payment-methods/" + fresh + "/default").with(csrf()), me);
    assertThat(call(get("/billing/payment-methods/" + old + "/remove"), me).getContentAsString()).contains("confirm-remove");
    assertThat(call(post("/billing/payment-methods/" + old + "/remove").with(csrf()), me).getStatus()).isEqualTo(302);
    assertThat(call(get("/billing/payment-methods"), me).getContentAsString()).doesNotContain("Visa •••• 4242");
  }

  private String holderAndExpiry(Given org) {
    return jdbc.sql("select coalesce(holder_name, '-') || expiry_month || '/' || expiry_year from payment_method where tenant_id = :t")
        .param("t", org.id().value()).query(String.class).list().toString();
  }
}
