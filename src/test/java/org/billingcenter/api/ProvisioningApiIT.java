package org.billingcenter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The operator-to-seat provisioning story through the REST API, as a script would drive it. */
class ProvisioningApiIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;

  private String operator;

  @BeforeEach
  void anOperator() {
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(
        s -> accounts.seedOperatorAccount(new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
    tenants.tenant(0); // makes sure the test plans exist
  }

  private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void an_operator_opens_an_organisation_whose_admin_then_buys_and_assigns() throws Exception {
    String admin = "adm-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
            json(post("/api/v1/tenants"),
                    """
                    {"name":"Juniper Labs","country":"DK","locale":"da-DK","timeZone":"Europe/Copenhagen",
                     "currency":"EUR","admin":{"username":"%s","displayName":"Jo","password":"secret-pass-phrase"}}
                    """.formatted(admin))
                .with(httpBasic(operator, "op-password")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.name").value("Juniper Labs"));

    String members =
        mvc.perform(
                json(post("/api/v1/members/bulk"),
                        """
                        {"members":[{"displayName":"A","email":"a@juniper.example"},
                                    {"displayName":"B","email":"b@juniper.example"}]}
                        """)
                    .with(httpBasic(admin, "secret-pass-phrase")))
            .andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString();
    String card =
        JsonPath.read(
            mvc.perform(
                    json(post("/api/v1/payment-methods"),
                            """
                            {"token":"tok_abc","brand":"Visa","last4":"4242","expiryMonth":12,"expiryYear":2031}
                            """)
                        .with(httpBasic(admin, "secret-pass-phrase")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").doesNotExist())
                .andReturn().getResponse().getContentAsString(),
            "$.id");
    String subscription =
        JsonPath.read(
            mvc.perform(
                    json(post("/api/v1/subscriptions"),
                            """
                            {"planId":"%s","quantity":5,"paymentMethodId":"%s"}
                            """.formatted(TestTenants.MONTHLY_PLAN, card))
                        .with(httpBasic(admin, "secret-pass-phrase")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn().getResponse().getContentAsString(),
            "$.id");
    String first = JsonPath.read(members, "$[0].id");
    String second = JsonPath.read(members, "$[1].id");
    mvc.perform(
            json(post("/api/v1/subscriptions/" + subscription + "/licenses"),
                    "{\"memberIds\":[\"" + first + "\",\"" + second + "\"]}")
                .with(httpBasic(admin, "secret-pass-phrase")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.memberIds", hasSize(2)));

    mvc.perform(get("/api/v1/subscriptions").with(httpBasic(admin, "secret-pass-phrase")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].assignedLicenses").value(2))
        .andExpect(jsonPath("$[0].quantity").value(5));
  }

  @Test
  void another_tenants_subscription_is_not_found_and_unchanged() throws Exception {
    Given a = tenants.tenant(1);
    Given b = tenants.tenant(1);
    var theirs = tenants.subscription(b, 3, 1);
    mvc.perform(get("/api/v1/subscriptions/" + theirs.id()).with(httpBasic(a.admin(), a.password())))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("SUBSCRIPTION_NOT_FOUND"));
    mvc.perform(
            json(post("/api/v1/subscriptions/" + theirs.id() + "/licenses"),
                    "{\"memberIds\":[\"" + a.members().get(0) + "\"]}")
                .with(httpBasic(a.admin(), a.password())))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/subscriptions").with(httpBasic(a.admin(), a.password())))
        .andExpect(jsonPath("$", hasSize(0)));
    assertThat(tenants.assigned(b, theirs)).isEqualTo(1);
  }

  @Test
  void errors_are_problem_json_in_the_callers_language() throws Exception {
    Given a = tenants.tenant(0);
    mvc.perform(
            json(post("/api/v1/subscriptions"), "{\"planId\":\"nope\",\"quantity\":1,\"paymentMethodId\":\"" + a.card() + "\"}")
                .header("Accept-Language", "bg-BG")
                .with(httpBasic(a.admin(), a.password())))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("PLAN_NOT_FOUND"))
        .andExpect(jsonPath("$.detail").value("Няма такъв план: nope."));
    mvc.perform(json(post("/api/v1/members"), "{\"displayName\":\"\",\"email\":\"not-an-email\"}")
                .header("Accept-Language", "da-DK")
                .with(httpBasic(a.admin(), a.password())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors", hasSize(2)));
    mvc.perform(json(post("/api/v1/members"), "{not json").with(httpBasic(a.admin(), a.password())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    mvc.perform(get("/api/v1/subscriptions").header("Accept-Language", "zh-CN"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().exists("WWW-Authenticate"))
        .andExpect(jsonPath("$.title").value("需要登录"));
  }

  @Test
  void field_errors_of_bean_validation_are_in_the_callers_language_bulgarian_and_traditional_chinese_too()
      throws Exception {
    Given a = tenants.tenant(0);
    String tooLong = "x".repeat(201);
    java.util.Map<String, List<String>> expected = java.util.Map.of(
        "bg-BG", List.of("Полето не може да бъде празно.", "Въведете валиден имейл адрес.", "Най-много 200 знака."),
        "zh-TW", List.of("不可空白。", "請輸入有效的電子郵件地址。", "最多 200 個字元。"),
        "fr-FR", List.of("Ce champ ne doit pas être vide.", "Saisissez une adresse e-mail valide.", "200 caractères au maximum."),
        "da-DK", List.of("Feltet må ikke være tomt.", "Angiv en gyldig e-mailadresse.", "Højst 200 tegn."));
    for (var language : expected.entrySet()) {
      List<String> messages = language.getValue();
      mvc.perform(json(post("/api/v1/members"), "{\"displayName\":\"\",\"email\":\"not-an-email\"}")
              .header("Accept-Language", language.getKey())
              .with(httpBasic(a.admin(), a.password())))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[?(@.field == 'displayName')].message").value(messages.get(0)))
          .andExpect(jsonPath("$.errors[?(@.field == 'email')].message").value(messages.get(1)));
      mvc.perform(json(post("/api/v1/members"), "{\"displayName\":\"" + tooLong + "\",\"email\":\"a@b.example\"}")
              .header("Accept-Language", language.getKey())
              .with(httpBasic(a.admin(), a.password())))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].message").value(messages.get(2)));
    }
  }

  @Test
  void roles_decide_who_may_change_what() throws Exception {
    Given a = tenants.tenant(1);
    String reader = tenants.account(a, Role.READER);
    String userAdmin = tenants.account(a, Role.USER_ADMIN);
    mvc.perform(get("/api/v1/subscriptions").with(httpBasic(reader, "password")))
        .andExpect(status().isOk());
    mvc.perform(json(post("/api/v1/members"), "{\"displayName\":\"X\",\"email\":\"x@r.example\"}")
                .with(httpBasic(reader, "password")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("NOT_PERMITTED"));
    mvc.perform(json(post("/api/v1/subscriptions"),
                    "{\"planId\":\"" + TestTenants.MONTHLY_PLAN + "\",\"quantity\":1,\"paymentMethodId\":\"" + a.card() + "\"}")
                .with(httpBasic(userAdmin, "password")))
        .andExpect(status().isForbidden());
    mvc.perform(json(post("/api/v1/members"), "{\"displayName\":\"Y\",\"email\":\"y@r.example\"}")
                .with(httpBasic(userAdmin, "password")))
        .andExpect(status().isCreated());
    mvc.perform(json(post("/api/v1/tenants"), "{}").with(httpBasic(a.admin(), a.password())))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/subscriptions").with(httpBasic(operator, "op-password")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("NO_TENANT"));
  }

  @Test
  void health_is_public_and_metrics_are_for_operators() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    Given a = tenants.tenant(0);
    mvc.perform(get("/actuator/metrics").with(httpBasic(a.admin(), a.password())))
        .andExpect(status().isForbidden());
    mvc.perform(get("/actuator/metrics").with(httpBasic(operator, "op-password")))
        .andExpect(status().isOk());
  }
}
