package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.apikey.NewApiKey;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17 in real Chromium: the operator opens an organisation (the form shows a wrong country
 * first), opens it, suspends another organisation whose API key is then refused (401), and resumes
 * it (the key works again). Screenshots of the list, one organisation, the open form and the
 * suspension page in English and French. A tiny key cache TTL stands for "within the TTL".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "billing-center.api-keys.cache-ttl=50ms")
class OperatorOrganisationsBrowserIT extends DatabaseIT {

  static final Path SHOTS = Path.of("docs/screenshots");
  static final String PASSWORD = "operator-orgs-phrase-17";

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired ApiKeyService keys;
  @Autowired TransactionTemplate transaction;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void the_operator_opens_an_organisation_and_suspends_and_resumes_another_whose_key_fails_meanwhile() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String operator = "orgs-op-" + run;
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Olga Operator", Set.of(Role.OPERATOR), null), PASSWORD));
    Given target = tenants.tenant(0);
    tenants.subscription(target, 12, 0);
    String key = keys.create(new NewApiKey(target.id(), "crm", Role.READER, null), "test").secret();
    String targetName = jdbcName(target);

    try (Browser b = Browser.open(port)) {
      b.size(1280, 1000);
      b.signIn(operator, PASSWORD, "en");
      b.go("/operator/organisations");
      b.clickAndLeave("#create-organisation");
      String name = "Hazel Outfitters " + run;
      fill(b, name, "QQ");
      b.clickAndLeave("#create-submit");
      assertThat(b.find("#country-error").getText()).contains("ISO 3166");
      b.screenshot(SHOTS.resolve("operator-organisations-create-en.png"));
      b.find("#country").clear();
      b.find("#country").sendKeys("DK");
      b.clickAndLeave("#create-submit");
      assertThat(b.path()).startsWith("/operator/organisations/");
      assertThat(b.text()).contains(name).contains("Organisation opened").contains("Europe/Copenhagen")
          .contains("TENANT_CREATED");

      b.go("/operator/organisations?query=" + targetName.replace(" ", "+"));
      assertThat(b.find("#organisations").getText()).contains(targetName).contains("€120.00").contains("Active");
      b.screenshot(SHOTS.resolve("operator-organisations-list-en.png"));
      b.clickAndLeave("#organisations a[href*='" + target.id() + "']");
      b.screenshot(SHOTS.resolve("operator-organisations-view-en.png"));

      assertThat(api(key)).isEqualTo(200);
      b.clickAndLeave("#suspend");
      assertThat(b.find("#consequences").getText()).contains("Billing continues");
      b.find("#reason").sendKeys("Unpaid invoices since March");
      b.screenshot(SHOTS.resolve("operator-organisations-suspend-en.png"));
      b.clickAndLeave("#confirm-change");
      assertThat(b.text()).contains("Organisation suspended.").contains("Unpaid invoices since March");
      Thread.sleep(100); // past the key cache TTL
      assertThat(api(key)).isEqualTo(401);

      b.clickAndLeave("#resume");
      b.find("#reason").sendKeys("Paid in full");
      b.clickAndLeave("#confirm-change");
      assertThat(b.text()).contains("Organisation resumed.").contains("TENANT_RESUMED");
      Thread.sleep(100);
      assertThat(api(key)).isEqualTo(200);

      b.signIn(operator, PASSWORD, "fr-FR");
      b.go("/operator/organisations?query=" + targetName.replace(" ", "+"));
      assertThat(b.find("#organisations").getText()).contains("Active");
      b.screenshot(SHOTS.resolve("operator-organisations-list-fr-FR.png"));
      b.go("/operator/organisations/" + target.id());
      assertThat(b.text()).contains("Journal d’audit");
      b.screenshot(SHOTS.resolve("operator-organisations-view-fr-FR.png"));
      b.go("/operator/organisations/new");
      b.screenshot(SHOTS.resolve("operator-organisations-create-fr-FR.png"));
      b.go("/operator/organisations/" + target.id() + "/suspend");
      assertThat(b.find("#consequences").getText()).contains("la facturation continue");
      b.screenshot(SHOTS.resolve("operator-organisations-suspend-fr-FR.png"));
      assertThat(b.seriousAccessibilityViolations()).isEmpty();
    }
  }

  private static void fill(Browser b, String name, String country) {
    b.find("#name").sendKeys(name);
    b.find("#country").sendKeys(country);
    b.find("#currency").sendKeys("DKK");
    new org.openqa.selenium.support.ui.Select(b.find("#locale")).selectByValue("da-DK");
    b.find("#timeZone").sendKeys("Europe/Copenhagen");
    b.find("#adminName").sendKeys("Hanne Holm");
    b.find("#adminEmail").sendKeys("hanne@" + name.replace(" ", "-").toLowerCase() + ".example");
  }

  private int api(String key) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/subscriptions"))
        .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Autowired org.billingcenter.tenant.TenantService tenantService;

  private String jdbcName(Given tenant) {
    return tenantService.get(tenant.id()).name();
  }
}
