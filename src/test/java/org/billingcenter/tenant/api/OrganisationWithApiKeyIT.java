package org.billingcenter.tenant.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provisioning script's way in: an operator opens an organisation asking for its first API key,
 * and the script goes on with that key (no password anywhere after the operator's own).
 */
class OrganisationWithApiKeyIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  private String operator;

  @BeforeEach
  void anOperator() {
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(
        s -> accounts.seedOperatorAccount(new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
    tenants.tenant(0); // makes sure the test plans exist
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static String organisation(String admin, String apiKey) {
    return """
        {"name":"Key Labs %1$s","country":"IE","locale":"en","timeZone":"Europe/Dublin","currency":"EUR",
         "admin":{"username":"%1$s","displayName":"Kim","password":"secret-pass-phrase"}%2$s}
        """.formatted(admin, apiKey == null ? "" : ",\"apiKey\":" + apiKey);
  }

  @Test
  void the_organisations_key_comes_back_once_and_buys_and_cancels_with_bearer() throws Exception {
    String admin = "key-" + UUID.randomUUID().toString().substring(0, 8);
    String created = mvc.perform(json(post("/api/v1/tenants"),
                organisation(admin, "{\"name\":\"provisioning\",\"role\":\"GLOBAL_ADMIN\"}"))
            .header("Idempotency-Key", admin + "-t")
            .with(httpBasic(operator, "op-password")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.apiKey.role").value("GLOBAL_ADMIN"))
        .andExpect(jsonPath("$.apiKey.prefix").isString())
        .andReturn().getResponse().getContentAsString();
    String secret = JsonPath.read(created, "$.apiKey.secret");
    String tenant = JsonPath.read(created, "$.id");
    assertThat(secret).startsWith(JsonPath.<String>read(created, "$.apiKey.prefix") + "_");
    String bearer = "Bearer " + secret;

    String card = JsonPath.read(mvc.perform(json(post("/api/v1/payment-methods"),
                "{\"token\":\"tok_k\",\"brand\":\"Visa\",\"last4\":\"4242\",\"expiryMonth\":12,\"expiryYear\":2031}")
            .header("Authorization", bearer).header("Idempotency-Key", admin + "-pm"))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(), "$.id");
    String subscription = JsonPath.read(mvc.perform(json(post("/api/v1/subscriptions"),
                "{\"planId\":\"" + TestTenants.MONTHLY_PLAN + "\",\"quantity\":5,\"paymentMethodId\":\"" + card + "\"}")
            .header("Authorization", bearer).header("Idempotency-Key", admin + "-buy"))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(), "$.id");
    mvc.perform(json(post("/api/v1/subscriptions/" + subscription + "/cancellation"), "{\"when\":\"NOW\",\"reason\":\"OTHER\"}")
            .header("Authorization", bearer).header("Idempotency-Key", admin + "-cancel"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("ALLOWED"));

    assertThat(jdbc.sql("select count(*) from api_key where tenant_id = :t and role = 'GLOBAL_ADMIN'")
        .param("t", UUID.fromString(tenant)).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = 'API_KEY_CREATED'")
        .param("t", UUID.fromString(tenant)).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void without_a_key_asked_for_the_answer_has_none() throws Exception {
    String admin = "nok-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(json(post("/api/v1/tenants"), organisation(admin, null)).with(httpBasic(operator, "op-password")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.apiKey").doesNotExist());
  }

  @Test
  void a_key_the_organisation_cannot_have_refuses_the_whole_creation() throws Exception {
    String admin = "bad-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(json(post("/api/v1/tenants"), organisation(admin, "{\"name\":\"x\",\"role\":\"OPERATOR\"}"))
            .with(httpBasic(operator, "op-password")))
        .andExpect(status().is4xxClientError())
        .andExpect(jsonPath("$.code").value("API_KEY_ROLE_NOT_ALLOWED"));
    assertThat(jdbc.sql("select count(*) from admin_account where username = :u").param("u", admin)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from tenant where name = :n").param("n", "Key Labs " + admin)
        .query(Long.class).single()).isZero();
  }
}
