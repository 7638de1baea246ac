package org.billingcenter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What the API accepts as input: media types it can speak, text without NUL or broken UTF-16, JSON
 * without coercion or duplicate keys, bodies within the size limit, and replays only for callers
 * with the first caller's rights.
 */
class StrictRequestIT extends DatabaseIT {

  @Autowired JdbcClient jdbc;
  @Autowired AccountService accounts;

  // --- 11.5 media types and text ---

  @Test
  void a_wildcard_content_type_is_415_and_an_accept_the_api_cannot_speak_is_406() throws Exception {
    Given org = tenants.tenant(0);
    for (String type : List.of("*/*", "application/*")) {
      problem(mvc.perform(post("/api/v1/members").with(admin(org)).header("Content-Type", type)
          .content("{\"displayName\":\"Ada\",\"email\":\"ada@example.com\"}")), 415, "UNSUPPORTED_MEDIA_TYPE");
    }
    problem(mvc.perform(get("/api/v1/plans").with(admin(org)).header("Accept", "application/xml")), 406, "NOT_ACCEPTABLE");
    assertThat(members(org)).isZero();
  }

  @Test
  void a_nul_character_or_a_lone_surrogate_in_json_text_is_refused_with_400() throws Exception {
    Given org = tenants.tenant(0);
    for (String name : List.of("A\\u0000B", "\\ud800", "x\\udc00y", "\\ude00\\ud83d")) {
      problem(postJson(org, "/api/v1/members", "{\"displayName\":\"" + name + "\",\"email\":\"a@example.com\"}"),
          400, "INVALID_TEXT");
      problem(postJson(org, "/api/v1/members/bulk",
          "{\"members\":[{\"displayName\":\"" + name + "\",\"email\":\"b@example.com\"}]}"), 400, "INVALID_TEXT");
    }
    assertThat(members(org)).isZero();
    // A real pair (an emoji) is text like any other.
    postJson(org, "/api/v1/members", "{\"displayName\":\"Ada \\ud83d\\ude00\",\"email\":\"a@example.com\"}")
        .andExpect(status().isCreated());
  }

  @Test
  void a_nul_character_in_a_query_string_or_a_page_form_is_refused_with_400() throws Exception {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 2, 0);
    problem(mvc.perform(get("/api/v1/subscriptions").param("status", "A\u0000").with(admin(org))), 400, "INVALID_TEXT");
    String before = TenantFingerprint.of(jdbc, org.id());
    var page = user(accounts.loadUserByUsername(org.admin()));
    mvc.perform(post("/billing/subscriptions/" + s.id() + "/callback").with(page).with(csrf())
            .param("contactName", "Ada\u0000").param("phone", "+33123456789").param("language", "en")
            .param("preferredTimeWindow", "mornings"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/users").param("q", "\ud800").with(page)).andExpect(status().isBadRequest());
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
  }

  @Test
  void an_idempotency_key_outside_printable_ascii_is_refused() throws Exception {
    Given org = tenants.tenant(0);
    for (String key : List.of("k\ud800", "k\u00e9")) {
      problem(mvc.perform(post("/api/v1/members").with(admin(org)).header("Idempotency-Key", key)
          .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"Ada\",\"email\":\"a@example.com\"}")),
          400, "IDEMPOTENCY_KEY_INVALID");
    }
    // A NUL never gets that far: the firewall refuses control characters in any header.
    problem(mvc.perform(post("/api/v1/members").with(admin(org)).header("Idempotency-Key", "k\u0000")
        .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"Ada\",\"email\":\"a@example.com\"}")),
        400, "MALFORMED_REQUEST");
    assertThat(members(org)).isZero();
  }

  // --- 11.7 strict JSON ---

  @Test
  void numbers_are_not_truncated_or_read_from_strings_and_duplicate_keys_are_refused() throws Exception {
    Given org = tenants.tenant(0);
    String card = "\"paymentMethodId\":\"" + org.card() + "\",\"planId\":\"test-monthly-eur\"";
    for (String quantity : List.of("1.5", "\"5\"", "null", "true", "5e0x")) {
      problem(postJson(org, "/api/v1/subscriptions", "{" + card + ",\"quantity\":" + quantity + "}"),
          400, "MALFORMED_REQUEST");
    }
    problem(postJson(org, "/api/v1/subscriptions", "{" + card + ",\"quantity\":5,\"quantity\":1}"), 400, "MALFORMED_REQUEST");
    problem(postJson(org, "/api/v1/subscriptions", "{" + card + ",\"quantity\":5} {}"), 400, "MALFORMED_REQUEST");
    problem(postJson(org, "/api/v1/members", "{\"displayName\":5,\"email\":\"a@example.com\"}"), 400, "MALFORMED_REQUEST");
    problem(postJson(org, "/api/v1/members", "{\"displayName\":true,\"email\":\"a@example.com\"}"), 400, "MALFORMED_REQUEST");
    assertThat(jdbc.sql("select count(*) from subscription where tenant_id = :t").param("t", org.id().value())
        .query(Long.class).single()).isZero();
    assertThat(members(org)).isZero();
    // Unknown properties are ignored by choice (a client of a later API version keeps working).
    postJson(org, "/api/v1/subscriptions", "{" + card + ",\"quantity\":5,\"sentBy\":\"a newer client\"}")
        .andExpect(status().isCreated()).andExpect(jsonPath("$.quantity").value(5));
  }

  @Test
  void booleans_and_enums_are_not_read_from_strings_or_numbers() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 0);
    String before = TenantFingerprint.of(jdbc, org.id());
    for (String value : List.of("\"false\"", "0", "\"\"")) {
      problem(mvc.perform(put("/api/v1/subscriptions/" + s.id() + "/auto-renew").with(admin(org))
          .contentType(MediaType.APPLICATION_JSON).content("{\"autoRenew\":" + value + "}")), 400, "MALFORMED_REQUEST");
    }
    for (String when : List.of("0", "1", "\"now\"")) {
      problem(postJson(org, "/api/v1/subscriptions/" + s.id() + "/cancellation",
          "{\"when\":" + when + ",\"reason\":\"OTHER\"}"), 400, "MALFORMED_REQUEST");
    }
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
  }

  // --- 11.2 body size, through MockMvc as well ---

  @Test
  void a_body_over_the_limit_is_413_before_anything_reads_it() throws Exception {
    Given org = tenants.tenant(0);
    String big = "{\"displayName\":\"Ada\",\"email\":\"a@example.com\"" + " ".repeat(1024 * 1024) + "}";
    problem(mvc.perform(post("/api/v1/members").with(admin(org)).header("Idempotency-Key", "big")
        .contentType(MediaType.APPLICATION_JSON).content(big)), 413, "PAYLOAD_TOO_LARGE");
    problem(postJson(org, "/api/v1/members", big), 413, "PAYLOAD_TOO_LARGE");
    assertThat(members(org)).isZero();
  }

  // --- 11.9 replay rights ---

  @Test
  void a_user_admin_cannot_replay_a_billing_admins_payment_method_but_the_same_account_can() throws Exception {
    Given org = tenants.tenant(0);
    String billing = tenants.account(org, Role.BILLING_ADMIN);
    String users = tenants.account(org, Role.USER_ADMIN);
    String body = "{\"token\":\"tok_replay\",\"brand\":\"Visa\",\"last4\":\"4242\",\"expiryMonth\":12,\"expiryYear\":2031}";
    paymentMethod(billing, body).andExpect(status().isCreated()).andExpect(header().doesNotExist("Idempotent-Replayed"));

    problem(paymentMethod(users, body), 403, "NOT_PERMITTED").andExpect(header().doesNotExist("Idempotent-Replayed"));

    paymentMethod(billing, body).andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"));
    // A Global admin holds every right of the organisation, so the answer is his to see too.
    mvc.perform(post("/api/v1/payment-methods").with(admin(org)).header("Idempotency-Key", "pm-1")
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"));
    assertThat(jdbc.sql("select count(*) from payment_method where tenant_id = :t").param("t", org.id().value())
        .query(Long.class).single()).isEqualTo(2); // the builder's card and the one added
  }

  private ResultActions paymentMethod(String username, String body) throws Exception {
    return mvc.perform(post("/api/v1/payment-methods").with(httpBasic(username, "password"))
        .header("Idempotency-Key", "pm-1").contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private ResultActions postJson(Given org, String path, String json) throws Exception {
    return mvc.perform(post(path).with(admin(org)).contentType(MediaType.APPLICATION_JSON).content(json));
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor admin(Given org) {
    return httpBasic(org.admin(), org.password());
  }

  private static ResultActions problem(ResultActions answer, int status, String code) throws Exception {
    return answer.andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value(code));
  }

  private long members(Given org) {
    return jdbc.sql("select count(*) from member where tenant_id = :t").param("t", org.id().value())
        .query(Long.class).single();
  }
}
