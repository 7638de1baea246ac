package org.billingcenter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The webhook endpoints API with the production default: no private targets, https only. */
class WebhookApiIT extends DatabaseIT {

  /** A public address literal: registering it needs no DNS; nothing is sent to it here. */
  static final String PUBLIC_URL = "https://93.184.215.14/hooks/billing";

  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  WebhookFixtures fixtures;

  Given org;
  RequestPostProcessor admin;

  @BeforeEach
  void anOrganisation() {
    org = tenants.tenant(0);
    admin = as(org.admin());
    fixtures = new WebhookFixtures(outbox, jdbc, clock, transaction);
  }

  private RequestPostProcessor as(String username) {
    return user(accounts.loadUserByUsername(username));
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private String register(RequestPostProcessor who, String url) throws Exception {
    String answer = mvc.perform(json(post("/api/v1/webhook-endpoints"),
                "{\"url\":\"%s\",\"eventTypes\":[\"subscription.cancelled\"],\"description\":\"CRM\"}".formatted(url))
            .with(who))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.secret").value(Matchers.startsWith("whsec_")))
        .andReturn().getResponse().getContentAsString();
    return JsonPath.read(answer, "$.id");
  }

  @Test
  void an_address_inside_the_network_is_refused_in_the_callers_language_and_nothing_is_registered() throws Exception {
    for (String url : new String[] {"https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data/",
        "https://127.0.0.1:8443/", "https://[::ffff:192.168.0.1]/", "https://metadata.google.internal/"}) {
      mvc.perform(json(post("/api/v1/webhook-endpoints"),
                  "{\"url\":\"%s\",\"eventTypes\":[\"subscription.cancelled\"]}".formatted(url))
              .header("Accept-Language", "fr-FR").with(admin))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.code").value("WEBHOOK_URL_FORBIDDEN_ADDRESS"))
          .andExpect(jsonPath("$.detail").value(Matchers.containsString("réseau privé")));
    }
    mvc.perform(json(post("/api/v1/webhook-endpoints"), "{\"url\":\"http://93.184.215.14/\",\"eventTypes\":[\"subscription.cancelled\"]}")
            .with(admin))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("WEBHOOK_URL_NOT_HTTPS"));
    mvc.perform(json(post("/api/v1/webhook-endpoints"), "{\"url\":\"%s\",\"eventTypes\":[\"subscription.teleported\"]}".formatted(PUBLIC_URL))
            .with(admin))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("WEBHOOK_EVENT_TYPE_UNKNOWN"));
    mvc.perform(json(post("/api/v1/webhook-endpoints"), "{\"eventTypes\":[]}").with(admin))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    mvc.perform(get("/api/v1/webhook-endpoints").with(admin))
        .andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "0"));
  }

  @Test
  void a_global_admin_registers_reads_rotates_and_deletes_and_the_secret_is_shown_only_twice() throws Exception {
    String id = register(admin, PUBLIC_URL);
    mvc.perform(get("/api/v1/webhook-endpoints/" + id).with(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.url").value(PUBLIC_URL))
        .andExpect(jsonPath("$.eventTypes[0]").value("subscription.cancelled"))
        .andExpect(jsonPath("$.status").value("ENABLED"))
        .andExpect(jsonPath("$.allOrganisations").value(false))
        .andExpect(jsonPath("$.secret").doesNotExist());
    mvc.perform(get("/api/v1/webhook-endpoints").with(admin))
        .andExpect(header().string("X-Total-Count", "1")).andExpect(jsonPath("$[0].secret").isEmpty());
    mvc.perform(post("/api/v1/webhook-endpoints/" + id + "/secret-rotation").with(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.secret").value(Matchers.startsWith("whsec_")))
        .andExpect(jsonPath("$.previousSecretExpiresAt").value("2026-03-11T10:00:00Z"));
    mvc.perform(post("/api/v1/webhook-endpoints/" + id + "/enable").with(admin)).andExpect(status().isOk());
    mvc.perform(post("/api/v1/webhook-endpoints/" + id + "/test").with(admin))
        .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("RETRY"));
    mvc.perform(delete("/api/v1/webhook-endpoints/" + id).with(admin)).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/webhook-endpoints/" + id).with(admin))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("WEBHOOK_ENDPOINT_NOT_FOUND"));
  }

  @Test
  void other_roles_are_refused_another_organisation_finds_nothing_and_the_operator_sees_only_its_own() throws Exception {
    String id = register(admin, PUBLIC_URL);
    for (Role role : new Role[] {Role.BILLING_ADMIN, Role.READER, Role.USER_ADMIN}) {
      mvc.perform(get("/api/v1/webhook-endpoints").with(as(tenants.account(org, role)))).andExpect(status().isForbidden());
    }
    RequestPostProcessor stranger = as(tenants.tenant(0).admin());
    mvc.perform(get("/api/v1/webhook-endpoints/" + id).with(stranger)).andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/webhook-endpoints/" + id).with(stranger)).andExpect(status().isNotFound());

    String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
    mvc.perform(get("/api/v1/webhook-endpoints/" + id).with(as(operator))).andExpect(status().isNotFound());
    String operators = register(as(operator), PUBLIC_URL);
    mvc.perform(get("/api/v1/webhook-endpoints/" + operators).with(as(operator)))
        .andExpect(jsonPath("$.allOrganisations").value(true));
    mvc.perform(get("/api/v1/webhook-endpoints/" + operators).with(admin)).andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/webhook-endpoints/" + operators).with(as(operator))).andExpect(status().isNoContent());
  }

  @Test
  void the_delivery_log_shows_tries_and_replays_one_or_all_failed_since_a_time() throws Exception {
    String id = register(admin, PUBLIC_URL);
    UUID failed = fixtures.failedDelivery(org.id(), UUID.fromString(id));
    UUID alsoFailed = fixtures.failedDelivery(org.id(), UUID.fromString(id));
    mvc.perform(get("/api/v1/webhook-endpoints/" + id + "/deliveries").param("status", "FAILED").with(admin))
        .andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "2"))
        .andExpect(jsonPath("$[0].eventType").value("subscription.cancelled"));
    mvc.perform(get("/api/v1/webhook-deliveries/" + failed).with(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("FAILED"))
        .andExpect(jsonPath("$.tries[0].code").value(503))
        .andExpect(jsonPath("$.tries[0].detail").value("down"));
    mvc.perform(get("/api/v1/webhook-deliveries/" + failed).with(as(tenants.tenant(0).admin())))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/webhook-deliveries/" + failed + "/replay").with(admin))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
    mvc.perform(json(post("/api/v1/webhook-endpoints/" + id + "/replay-failed"), "{\"since\":\"2026-03-01T00:00:00Z\"}").with(admin))
        .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(1));
    mvc.perform(get("/api/v1/webhook-endpoints/" + id + "/deliveries").param("status", "PENDING").with(admin))
        .andExpect(header().string("X-Total-Count", "2"));
    assertThat(fixtures.status(org.id(), alsoFailed)).isEqualTo("PENDING");
  }
}
