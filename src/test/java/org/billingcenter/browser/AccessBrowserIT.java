package org.billingcenter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.outbox.OutboxDispatcher;
import org.billingcenter.testing.Browser;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.Outboxes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15 in real Chromium, on the build's database (H2, then PostgreSQL): the operator opens an
 * organisation over the API with its first Global admin's name and address; she accepts the
 * invitation in Simplified Chinese, then works in French: an API key shown once, used and revoked;
 * a second admin invited, accepted and given another role, while the last Global admin cannot be
 * removed; her sessions; a forgotten password that answers alike for any address; the single
 * sign-on settings. The one shortcut a person does not have: the links' tokens, which arrive by
 * e-mail, are read from their mails' outbox events. The context is {@code SsoIT}'s (the same
 * annotations and properties), so the suite pays for no extra server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "billing-center.sso.allow-loopback-http=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessBrowserIT extends DatabaseIT {

  static final Path SHOTS = Path.of("docs/screenshots");
  static final String OPERATOR_PASSWORD = "operator-browser-phrase-8";
  static final String PASSWORD = "copper-lantern-meadow-42";
  static final String READER_PASSWORD = "willow-harbour-signal-17";
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String ADMIN = "mei-" + RUN + "@example.org";
  static final String READER = "luc-" + RUN + "@example.org";

  static Browser browser;

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  @Order(10)
  void the_operator_opens_an_organisation_and_its_first_admin_accepts_the_invitation_in_chinese() throws Exception {
    String operator = "op-" + RUN;
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), OPERATOR_PASSWORD));
    String body = json.writeValueAsString(Map.of("name", "青竹贸易", "country", "CN", "locale", "zh-CN",
        "timeZone", "Asia/Shanghai", "currency", "CNY", "admin", Map.of("displayName", "王美", "email", ADMIN)));
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/v1/tenants"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (operator + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json.readTree(created.body()).path("invitation").path("email").asString()).isEqualTo(ADMIN);

    Browser b = browser();
    b.go("/invitations/" + linkToken("INVITATION", ADMIN) + "?lang=zh-CN");
    assertThat(b.find("h1").getText()).contains("青竹贸易");
    assertThat(b.find("main").getText()).contains(ADMIN);
    accessible(b);
    b.screenshot(SHOTS.resolve("access-invitation-zh-CN.png"));
    b.find("#password").sendKeys(PASSWORD);
    b.find("#passwordAgain").sendKeys(PASSWORD);
    b.click("#accept-submit");
    arrive(b, "/");
    assertThat(b.find("html").getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(b.all("#my-account")).as("signed in").hasSize(1);
    accessible(b);
    drain();
  }

  @Test
  @Order(20)
  void in_french_she_creates_an_api_key_sees_its_secret_once_uses_it_and_revokes_it() throws Exception {
    Browser b = signIn(ADMIN, PASSWORD, "fr-FR");
    b.find("header").findElement(By.linkText("Clés d’API")).click();
    arrive(b, "/settings/api-keys");
    assertThat(b.all("#no-keys")).hasSize(1);
    accessible(b);
    b.find("#name").sendKeys("Script de facturation");
    b.find("#role").findElement(By.cssSelector("option[value=BILLING_ADMIN]")).click();
    b.click("#create-submit");
    assertThat(b.find("h1").getText()).isNotBlank();
    String secret = b.find("#secret").getAttribute("value");
    assertThat(secret).startsWith("bc_live_");
    assertThat(b.find("main").getText()).contains("Script de facturation");
    accessible(b);
    b.screenshot(SHOTS.resolve("access-api-key-fr-FR.png"));

    assertThat(subscriptionsWith(secret).statusCode()).isEqualTo(200);

    b.click("#secret-done");
    List<WebElement> rows = b.all("#api-keys tbody tr");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains("Script de facturation").contains("Administrateur de facturation")
        .contains("Active").doesNotContain(secret.substring(20));
    b.click("#api-keys tbody tr a[id^=revoke-]");
    assertThat(b.find("main").getText()).contains("Script de facturation");
    accessible(b);
    b.click("#confirm-revoke");
    arrive(b, "/settings/api-keys");
    assertThat(b.find(".notice").getText()).isNotBlank();
    assertThat(b.find("#api-keys tbody tr").getText()).contains("Révoquée");
    assertThat(b.all("#api-keys a[id^=revoke-]")).isEmpty();
    accessible(b);
    b.screenshot(SHOTS.resolve("access-api-keys-revoked-fr-FR.png"));

    assertThat(subscriptionsWith(secret).statusCode()).as("refused at once on the node that revoked it")
        .isEqualTo(401);
    drain();
  }

  @Test
  @Order(30)
  void she_invites_a_reader_who_accepts_changes_his_roles_and_cannot_remove_the_last_global_admin()
      throws Exception {
    Browser b = signIn(ADMIN, PASSWORD, "fr-FR");
    b.find("header").findElement(By.linkText("Administrateurs")).click();
    arrive(b, "/settings/admins");
    assertThat(b.all("#no-invitations")).hasSize(1);
    b.find("#email").sendKeys(READER);
    b.find("#displayName").sendKeys("Luc Martin");
    b.click("#invite-role-READER");
    b.click("#invite-submit");
    arrive(b, "/settings/admins");
    assertThat(b.find(".notice").getText()).isNotBlank();
    WebElement pending = b.find("#invitations tbody tr");
    assertThat(pending.getText()).contains("Luc Martin").contains(READER).contains("Lecteur");
    accessible(b);
    whole(b, "access-admins-fr-FR.png");

    b.find("#admins tr[data-username='" + ADMIN + "']").findElement(By.tagName("a")).click();
    arrive(b, "/settings/admins/" + ADMIN + "/remove");
    String refusal = b.find("#removal-refused").getText();
    assertThat(refusal).contains("au moins un administrateur général");
    assertThat(b.all("#confirm-remove")).isEmpty();
    accessible(b);
    b.screenshot(SHOTS.resolve("access-admins-last-global-fr-FR.png"));

    // He accepts (in his browser: this one, signed out), then she gives him the Billing admin role.
    String token = linkToken("INVITATION", READER);
    signOut(b);
    b.go("/invitations/" + token);
    b.find("#password").sendKeys(READER_PASSWORD);
    b.find("#passwordAgain").sendKeys(READER_PASSWORD);
    b.click("#accept-submit");
    arrive(b, "/");

    signIn(ADMIN, PASSWORD, "fr-FR").go("/settings/admins");
    assertThat(b.all("#no-invitations")).as("accepted, no longer pending").hasSize(1);
    String row = "#admins tr[data-username='" + READER + "']";
    assertThat(b.find(row + " input[value=READER]").isSelected()).isTrue();
    b.click(row + " input[value=BILLING_ADMIN]");
    b.click(row + " form.roles button[type=submit]");
    assertThat(b.find(".notice").getText()).isNotBlank();
    assertThat(b.find(row + " input[value=BILLING_ADMIN]").isSelected()).isTrue();
    assertThat(b.find(row + " input[value=READER]").isSelected()).isTrue();
    assertThat(accounts.loadUserByUsername(READER).account().roles())
        .containsExactlyInAnyOrder(Role.READER, Role.BILLING_ADMIN);
    drain();
  }

  @Test
  @Order(40)
  void her_account_lists_this_session() throws Exception {
    Browser b = signIn(ADMIN, PASSWORD, "zh-CN");
    b.click("#my-account");
    b.click("#account-sessions a[href='/account/sessions']");
    arrive(b, "/account/sessions");
    List<WebElement> rows = b.all("#sessions tbody tr");
    assertThat(rows).isNotEmpty();
    assertThat(b.all("#sessions .this-session")).hasSize(1);
    assertThat(b.find("#sessions .this-session").getText()).isEqualTo("当前会话");
    assertThat(b.find("h1").getText()).isNotBlank();
    accessible(b);
    b.screenshot(SHOTS.resolve("access-sessions-zh-CN.png"));
  }

  @Test
  @Order(50)
  void signed_out_in_french_a_forgotten_password_answers_alike_for_a_known_and_an_unknown_address()
      throws Exception {
    signOut(browser());
    String known = answerToForgottenPassword(ADMIN);
    accessible(browser());
    browser().screenshot(SHOTS.resolve("access-password-reset-fr-FR.png"));
    String unknown = answerToForgottenPassword("personne-" + RUN + "@example.org");
    assertThat(unknown).isEqualTo(known);
    assertThat(known).contains("Si un compte utilise cette adresse");
    drain();
  }

  @Test
  @Order(60)
  void the_single_sign_on_settings_page_saves_a_provider() throws Exception {
    Browser b = signIn(ADMIN, PASSWORD, "fr-FR");
    b.find("header").findElement(By.partialLinkText("Authentification unique")).click();
    arrive(b, "/settings/sso");
    assertThat(b.all("#no-provider")).hasSize(1);
    accessible(b);
    b.find("#issuer").sendKeys("https://93.184.215.14/realms/qingzhu");
    b.find("#clientId").sendKeys("billing-center");
    b.find("#clientSecret").sendKeys("idp-client-secret-" + RUN);
    b.find("#emailDomains").sendKeys("qingzhu-" + RUN + ".example");
    b.find("#claim-0").sendKeys("groups");
    b.find("#value-0").sendKeys("finance");
    b.find("#role-0").findElement(By.cssSelector("option[value=BILLING_ADMIN]")).click();
    b.click("#sso-save");
    arrive(b, "/settings/sso");
    assertThat(b.find(".notice").getText()).isNotBlank();
    assertThat(b.all("#provider-state")).hasSize(1);
    assertThat(b.find("#issuer").getAttribute("value")).isEqualTo("https://93.184.215.14/realms/qingzhu");
    assertThat(b.find("#claim-0").getAttribute("value")).isEqualTo("groups");
    assertThat(b.find("#clientSecret").getAttribute("value")).as("a secret is never shown back").isEmpty();
    accessible(b);
    whole(b, "access-sso-fr-FR.png");
    drain();
  }

  // ------------------------------------------------------------------ helpers

  private Browser browser() {
    if (browser == null) {
      browser = Browser.open(port);
    }
    return browser;
  }

  /** The sign-in page's password form (the page also has the single sign-on one). */
  private Browser signIn(String username, String password, String locale) throws InterruptedException {
    Browser b = browser();
    signOut(b);
    b.go("/login?lang=" + locale);
    b.find("#username").sendKeys(username);
    b.find("#password").sendKeys(password);
    b.click("form[action='/login'] button[type=submit]");
    arrive(b, "/");
    return b;
  }

  /** The header's sign-out button, as a person leaves; nothing to do when signed out. */
  private static void signOut(Browser b) throws InterruptedException {
    if (!b.all("form[action='/logout'] button").isEmpty()) {
      b.click("form[action='/logout'] button");
      arrive(b, "/login");
    }
  }

  private String answerToForgottenPassword(String address) throws InterruptedException {
    Browser b = browser();
    b.go("/login?lang=fr-FR");
    b.click("#forgot-password");
    arrive(b, "/password-reset");
    b.find("#email").sendKeys(address);
    b.click("#reset-ask-submit");
    assertThat(b.all("#reset-sent")).hasSize(1);
    return b.find("main").getText();
  }

  private HttpResponse<String> subscriptionsWith(String key) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri("/api/v1/subscriptions"))
        .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A link's token, read from its mail's outbox event (the only place it is kept, as the mail leaves). */
  private String linkToken(String purpose, String email) {
    UUID id = jdbc.sql("select token_id from access_token where purpose = :p and email = :e and used_at is null")
        .param("p", purpose).param("e", email).query(UUID.class).single();
    String data = jdbc.sql("select data from outbox_event where subject_id = :id")
        .param("id", String.valueOf(id)).query(String.class).single();
    return com.jayway.jsonpath.JsonPath.read(data, "$.token");
  }

  /**
   * Waits until the browser shows that page: a click that submits a form returns as soon as the old
   * page reports itself loaded, which may be before the new one has replaced it.
   */
  private static void arrive(Browser b, String path) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!b.path().equals(path) && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(b.path()).isEqualTo(path);
  }

  private static void accessible(Browser b) throws IOException {
    assertThat(b.seriousAccessibilityViolations()).as(b.path()).isEmpty();
  }

  /** The whole page in one picture: the window made as tall as the page, then back to 1280 × 800. */
  private static void whole(Browser b, String file) throws IOException {
    long height = b.number("return document.documentElement.scrollHeight");
    b.size(1280, (int) Math.min(height + 150, 2400));
    b.screenshot(SHOTS.resolve(file));
    b.size(1280, 800);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private void drain() {
    Outboxes.drain(dispatcher);
  }
}
