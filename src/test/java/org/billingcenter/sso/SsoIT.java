package org.billingcenter.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single sign-on end to end: navikt's mock-oauth2-server is a real OpenID Connect provider on
 * loopback (one issuer per organisation), the service runs on a real port, and a real HTTP client
 * follows every redirect with its cookies: sign-in page → provider → back → signed in. The one
 * context of its own (a web server) this capability costs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "billing-center.sso.allow-loopback-http=true")
class SsoIT extends DatabaseIT {

  private static MockOAuth2Server provider;

  @LocalServerPort int port;
  @Autowired SsoService sso;
  @Autowired AccountService accounts;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  @BeforeAll
  static void startProvider() throws IOException {
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterAll
  static void stopProvider() {
    provider.shutdown();
  }

  @Test
  void a_person_signs_in_through_the_provider_with_the_role_his_groups_map_to() throws Exception {
    Given org = tenants.tenant(0);
    String issuerId = "org-" + UUID.randomUUID();
    configure(org, issuerId, List.of(new RoleMapping("groups", "billing-team", Role.BILLING_ADMIN)), null, false,
        List.of(issuerId + ".example"));
    String email = "ana@" + issuerId + ".example";
    Browser browser = new Browser();

    provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, "ana-subject", "JWT", null,
        Map.of("email", email, "name", "Ana Lind", "groups", List.of("staff", "billing-team")), 3600));
    HttpResponse<String> landed = browser.ssoStart(email);
    assertThat(landed.statusCode()).as(landed.uri() + "\n" + landed.body()).isEqualTo(200);
    assertThat(landed.uri().getPath()).isEqualTo("/");

    assertThat(browser.get("/billing/notifications").statusCode()).as("a Billing admin's page").isEqualTo(200);
    assertThat(browser.get("/settings/sso").statusCode()).as("a Global admin's page").isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = 'SSO_SIGN_IN' and actor = :a")
        .param("t", org.id().value()).param("a", email).query(Long.class).single()).isEqualTo(1);
    AdminAccount created = accounts.loadUserByUsername(email).account();
    assertThat(created.tenant()).isEqualTo(org.id());
    assertThat(created.roles()).containsExactly(Role.BILLING_ADMIN);
    assertThat(created.email()).isEqualTo(email);

    // Signing in again, with other groups now: the provider is the authority on the roles. The
    // organisation's name finds the provider as well as the address does.
    provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, "ana-subject", "JWT", null,
        Map.of("email", email, "groups", List.of("staff", "it-admins")), 3600));
    configure(org, issuerId, List.of(new RoleMapping("groups", "billing-team", Role.BILLING_ADMIN),
        new RoleMapping("groups", "it-admins", Role.GLOBAL_ADMIN)), null, false, List.of(issuerId + ".example"));
    Browser again = new Browser();
    String name = jdbc.sql("select name from tenant where tenant_id = :t").param("t", org.id().value())
        .query(String.class).single();
    assertThat(again.ssoStart(name).uri().getPath()).isEqualTo("/");
    assertThat(again.get("/settings/sso").statusCode()).isEqualTo(200);
    assertThat(accounts.loadUserByUsername(email).account().roles()).containsExactly(Role.GLOBAL_ADMIN);
  }

  @Test
  void claims_that_match_no_mapping_and_no_default_role_are_refused_with_a_page_that_says_why() throws Exception {
    Given org = tenants.tenant(0);
    String issuerId = "org-" + UUID.randomUUID();
    configure(org, issuerId, List.of(new RoleMapping("groups", "billing-team", Role.BILLING_ADMIN)), null, false, List.of());
    String email = "bo@" + issuerId + ".example";
    jdbc.sql("update admin_account set email = :e where username = :u").param("e", email).param("u", org.admin()).update();
    Browser browser = new Browser();
    provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, "bo-subject", "JWT", null,
        Map.of("email", email, "groups", List.of("staff")), 3600));

    HttpResponse<String> refused = browser.ssoStart(email); // the admin account's own address finds the organisation
    assertThat(refused.uri().getPath()).isEqualTo("/sso/refused");
    assertThat(refused.body()).contains("data-why=\"no-role\"").contains("Billing Center");
    assertThat(browser.get("/").uri().getPath()).as("not signed in").isEqualTo("/login");
    assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = 'SSO_SIGN_IN'")
        .param("t", org.id().value()).query(Long.class).single()).isZero();

    HttpResponse<String> unknown = new Browser().ssoStart("nobody@unknown-" + issuerId + ".example");
    assertThat(unknown.uri().toString()).endsWith("/login?ssoUnknown");
    assertThat(unknown.body()).contains("id=\"sso-unknown\"");
  }

  @Test
  void the_provider_cannot_demote_the_organisations_only_global_admin() throws Exception {
    Given org = tenants.tenant(0);
    String issuerId = "org-" + UUID.randomUUID();
    configure(org, issuerId, List.of(new RoleMapping("groups", "billing-team", Role.BILLING_ADMIN)), null, false, List.of());
    String email = "root@" + issuerId + ".example";
    jdbc.sql("update admin_account set email = :e where username = :u").param("e", email).param("u", org.admin()).update();
    provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, "root-subject", "JWT", null,
        Map.of("email", email, "groups", List.of("billing-team")), 3600));

    assertThat(new Browser().ssoStart(email).uri().getPath()).isEqualTo("/");
    assertThat(accounts.loadUserByUsername(org.admin()).account().roles())
        .as("the last Global admin keeps the role the claims would take away")
        .containsExactlyInAnyOrder(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN);
  }

  @Test
  void mandatory_sso_refuses_the_organisations_passwords_on_the_form_and_over_basic_but_not_another_organisations()
      throws Exception {
    Given strict = tenants.tenant(0);
    String issuerId = "org-" + UUID.randomUUID();
    configure(strict, issuerId, List.of(new RoleMapping("groups", "admins", Role.GLOBAL_ADMIN)), null, true, List.of());
    Given relaxed = tenants.tenant(0);

    Browser form = new Browser();
    HttpResponse<String> refused = form.signIn(strict.admin(), strict.password());
    assertThat(refused.uri().toString()).endsWith("/login?ssoRequired");
    assertThat(refused.body()).contains("id=\"sso-required\"");
    assertThat(form.get("/").uri().getPath()).isEqualTo("/login");
    HttpResponse<String> basic = basic(strict.admin(), strict.password(), "/api/v1/subscriptions");
    assertThat(basic.statusCode()).isEqualTo(403);
    assertThat(basic.body()).contains("\"code\":\"SSO_REQUIRED\"");
    assertThat(basic(strict.admin(), "wrong-" + strict.password(), "/api/v1/subscriptions").statusCode())
        .as("a wrong password is still just wrong").isEqualTo(401);

    assertThat(new Browser().signIn(relaxed.admin(), relaxed.password()).uri().getPath()).isEqualTo("/");
    assertThat(basic(relaxed.admin(), relaxed.password(), "/api/v1/subscriptions").statusCode()).isEqualTo(200);

    // The way back when the provider is broken: the operator turns mandatory off.
    String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
    MockHttpServletResponse off = mvc.perform(delete("/api/v1/operator/tenants/" + strict.id() + "/sso/mandatory")
        .with(user(accounts.loadUserByUsername(operator)))).andReturn().getResponse();
    assertThat(off.getStatus()).isEqualTo(204);
    assertThat(basic(strict.admin(), strict.password(), "/api/v1/subscriptions").statusCode()).isEqualTo(200);
  }

  @Test
  void the_api_keeps_the_secret_write_only_and_refuses_bad_issuers_with_stable_codes() throws Exception {
    Given org = tenants.tenant(0);
    var admin = user(accounts.loadUserByUsername(org.admin()));
    assertThat(mvc.perform(get("/api/v1/sso").with(admin)).andReturn().getResponse().getStatus()).isEqualTo(404);
    String issuer = provider.issuerUrl("api-" + UUID.randomUUID()).toString();
    String body = """
        {"issuer":"%s","clientId":"billing-center","clientSecret":%s,"emailDomains":[],
         "mappings":[{"claim":"groups","value":"billing-team","role":"BILLING_ADMIN"}],"defaultRole":null,
         "mandatory":false,"enabled":true}""";
    assertThat(problem(put("/api/v1/sso").with(admin), body.formatted(issuer, "null"))).isEqualTo("SSO_CLIENT_SECRET_REQUIRED");
    assertThat(problem(put("/api/v1/sso").with(admin), body.formatted("https://169.254.169.254/", "\"s3cret-value\"")))
        .isEqualTo("SSO_ISSUER_FORBIDDEN_ADDRESS");
    assertThat(problem(put("/api/v1/sso").with(admin), body.formatted("http://93.184.215.14/x", "\"s3cret-value\"")))
        .isEqualTo("SSO_ISSUER_NOT_HTTPS");
    assertThat(problem(put("/api/v1/sso").with(admin), body.formatted(issuer, "\"s3cret-value\"")
        .replace("BILLING_ADMIN", "OPERATOR"))).isEqualTo("SSO_ROLE_NOT_FOR_TENANT");

    MockHttpServletResponse saved = mvc.perform(put("/api/v1/sso").with(admin).contentType(MediaType.APPLICATION_JSON)
        .content(body.formatted(issuer, "\"s3cret-value\""))).andReturn().getResponse();
    assertThat(saved.getStatus()).isEqualTo(200);
    assertThat(saved.getContentAsString()).doesNotContain("s3cret-value").contains("\"clientSecretSet\":true");
    String shown = mvc.perform(get("/api/v1/sso").with(admin)).andReturn().getResponse().getContentAsString();
    assertThat(shown).doesNotContain("s3cret-value").contains(issuer);
    assertThat(mvc.perform(get("/settings/sso").with(admin)).andReturn().getResponse().getContentAsString())
        .doesNotContain("s3cret-value").contains(issuer);
    assertThat(mvc.perform(get("/api/v1/sso").with(user(accounts.loadUserByUsername(tenants.account(org, Role.BILLING_ADMIN)))))
        .andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(sso.check(org.id(), null).ok()).as("the discovery document of the mock provider").isTrue();
    assertThat(mvc.perform(delete("/api/v1/sso").with(admin)).andReturn().getResponse().getStatus()).isEqualTo(204);
    assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = :t and action like 'SSO_PROVIDER_%'")
        .param("t", org.id().value()).query(Long.class).single()).isEqualTo(2);
  }

  private String problem(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
      throws Exception {
    MockHttpServletResponse response = mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body))
        .andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(400, 499);
    Matcher code = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(response.getContentAsString());
    return code.find() ? code.group(1) : response.getContentAsString();
  }

  private void configure(Given org, String issuerId, List<RoleMapping> mappings, Role defaultRole, boolean mandatory,
      List<String> domains) {
    transaction.executeWithoutResult(s -> sso.configure(org.id(), new SsoProviderSettings(
        provider.issuerUrl(issuerId).toString(), "billing-center", "client-secret-" + issuerId, domains, mappings,
        defaultRole, mandatory, true), "test"));
  }

  private HttpResponse<String> basic(String username, String password, String path) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials)
        .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A person's browser: cookies kept, redirects followed, English. */
  private final class Browser {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> ssoStart(String who) throws Exception {
      return post("/sso/start", Map.of("who", who));
    }

    HttpResponse<String> signIn(String username, String password) throws Exception {
      return post("/login", Map.of("username", username, "password", password));
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
      Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
      assertThat(token.find()).as("the sign-in page's CSRF token").isTrue();
      StringBuilder form = new StringBuilder("_csrf=").append(enc(token.group(1)));
      fields.forEach((k, v) -> form.append('&').append(k).append('=').append(enc(v)));
      return http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
