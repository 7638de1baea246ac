package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.billingcenter.account.Role;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * 11.15: the pages' errors through the real server (Tomcat's error dispatch): the product's own
 * page, styled, in the reader's language, with a way home and nothing of the exception.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesIT extends DatabaseIT {

  static final List<String> LANGUAGES = List.of("en", "fr-FR", "da-DK", "bg-BG", "zh-CN", "zh-TW");

  @LocalServerPort int port;
  @Autowired MessageSource messages;

  static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  /** A browser-like client signed in as {@code username}. */
  private HttpClient signedIn(String username, String password) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String login = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    HttpResponse<String> signIn = client.send(form("/login", Map.of("username", username, "password", password, "_csrf", csrf(login))),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return client;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpRequest form(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private String msg(String key, String language, Object... args) {
    return HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.forLanguageTag(language)), "UTF-8");
  }

  private void assertOurErrorPage(HttpResponse<String> response, int status, String language) {
    String html = response.body();
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html).as("status %s in %s", status, language)
        .contains("<html lang=\"" + language + "\"")
        .contains("href=\"/assets/css/app.css\"")
        .contains("<h1>" + msg("errors.page.heading." + status, language) + "</h1>")
        .contains("id=\"home\" href=\"/\"")
        .doesNotContain("Whitelabel", "Exception", "at org.", "??");
  }

  @Test
  void not_found_method_not_allowed_bad_request_and_forbidden_are_our_own_pages_in_every_language() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 3, 1);
    // Accounts without a language of their own: the browser's Accept-Language decides.
    HttpClient admin = signedIn(tenants.account(org, Role.GLOBAL_ADMIN), "password");
    HttpClient reader = signedIn(tenants.account(org, Role.READER), "password");
    String details = "/billing/subscriptions/" + s.id();
    for (String language : LANGUAGES) {
      HttpRequest.Builder notFound = HttpRequest.newBuilder(uri("/no-such-page?x=1")).header("Accept-Language", language).header("Accept", BROWSER_ACCEPT);
      HttpResponse<String> missing = admin.send(notFound.build(), HttpResponse.BodyHandlers.ofString());
      assertOurErrorPage(missing, 404, language);
      // The switcher on an error page points at the address that failed, in the other language.
      assertThat(HtmlUtils.htmlUnescape(missing.body())).contains("href=\"/no-such-page?x=1&lang=zh-TW\"");

      assertOurErrorPage(admin.send(HttpRequest.newBuilder(uri(details + "/cancel/review")).header("Accept-Language", language).header("Accept", BROWSER_ACCEPT).build(),
          HttpResponse.BodyHandlers.ofString()), 405, language);
      assertOurErrorPage(admin.send(HttpRequest.newBuilder(uri("/billing/subscriptions/not-a-uuid")).header("Accept-Language", language).header("Accept", BROWSER_ACCEPT).build(),
          HttpResponse.BodyHandlers.ofString()), 400, language);
      String page = reader.send(HttpRequest.newBuilder(uri(details)).build(), HttpResponse.BodyHandlers.ofString()).body();
      HttpRequest forbidden = HttpRequest.newBuilder(uri(details + "/auto-renew")).header("Accept-Language", language).header("Accept", BROWSER_ACCEPT)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("autoRenew=false&_csrf=" + csrf(page))).build();
      assertOurErrorPage(reader.send(forbidden, HttpResponse.BodyHandlers.ofString()), 403, language);
    }
    // The switcher works on an error page too (it sets the language cookie, so last).
    for (String language : LANGUAGES) {
      assertOurErrorPage(admin.send(HttpRequest.newBuilder(uri("/no-such-page?lang=" + language)).header("Accept", BROWSER_ACCEPT).build(),
          HttpResponse.BodyHandlers.ofString()), 404, language);
    }
  }

  /** A server error and a too-large body cannot be provoked on purpose: the error dispatch is simulated. */
  @Test
  void server_errors_and_too_large_bodies_show_our_page_without_the_exception() throws Exception {
    for (String language : LANGUAGES) {
      for (int status : new int[] {413, 500, 503}) {
        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/error")
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/billing/products")
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                .header("Accept", BROWSER_ACCEPT).header("Accept-Language", language))
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String heading = msg(status == 413 ? "errors.page.heading.413" : "errors.page.heading.5xx", language);
        assertThat(html).as("%s in %s", status, language).contains("<h1>" + heading + "</h1>").contains("id=\"home\" href=\"/\"")
            .contains("href=\"/billing/products?lang=da-DK\"").doesNotContain("secret detail", "IllegalStateException", "??");
      }
    }
  }

  @Test
  void the_api_keeps_answering_problem_json() throws Exception {
    Given org = tenants.tenant(0);
    String basic = java.util.Base64.getEncoder().encodeToString((org.admin() + ":" + org.password()).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> missing = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(uri("/api/v1/subscriptions/" + java.util.UUID.randomUUID())).header("Authorization", "Basic " + basic)
            .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }
}
