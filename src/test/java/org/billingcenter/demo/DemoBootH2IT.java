package org.billingcenter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The zero-setup start: the real server on an embedded H2 file database, demo data seeded on first
 * start, a person signing in through the form. H2 only by nature (its name ends in H2IT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoBootH2IT {

  @TempDir static Path dataDir;

  @LocalServerPort int port;

  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  @DynamicPropertySource
  static void embeddedFileDatabase(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:" + dataDir.resolve("billing").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
  }

  @Test
  void alder_admin_signs_in_and_sees_alder_studios_subscriptions_and_none_of_birchs() throws Exception {
    HttpResponse<String> login = get("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    String csrf = field(login.body(), "_csrf");

    HttpResponse<String> home =
        browser.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("username", "alder-admin", "password", "demo", "_csrf", csrf)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.uri().getPath()).isEqualTo("/");
    assertThat(home.body()).contains("Alder Studio", "Beacon Workspace", "Fieldbook Planner", "Harbor Chat");
    Set<String> shown = idsOnPage(home.body());
    assertThat(shown).containsExactlyInAnyOrderElementsOf(apiIds("alder-admin"));
    assertThat(shown).hasSize(3).doesNotContainAnyElementsOf(apiIds("birch-admin"));
    assertThat(home.body()).doesNotContain("Birch Logistics");
  }

  @Test
  void signing_in_issues_a_new_http_only_same_site_session_cookie() throws Exception {
    HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> login = noRedirects.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
    String before = sessionCookie(login);
    assertThat(before).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    String csrf = field(login.body(), "_csrf");
    HttpResponse<String> signedIn = noRedirects.send(
        HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", before.split(";")[0])
            .POST(HttpRequest.BodyPublishers.ofString(form("username", "alder-admin", "password", "demo", "_csrf", csrf)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String after = sessionCookie(signedIn);
    assertThat(after.split(";")[0]).as("session fixation: a new id after sign-in").isNotEqualTo(before.split(";")[0]);
    assertThat(signedIn.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).doesNotContain("unsafe-inline"));
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
  }

  @Test
  void a_wrong_password_does_not_sign_in() throws Exception {
    String csrf = field(get("/login").body(), "_csrf");
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("username", "alder-admin", "password", "nope", "_csrf", csrf)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.uri().getPath()).isEqualTo("/login");
    assertThat(page.uri().getQuery()).isEqualTo("error");
  }

  @Test
  void every_demo_account_signs_in() throws Exception {
    for (String account : List.of("alder-admin", "alder-billing", "alder-users", "alder-reader", "birch-admin", "cedar-admin", "support", "operator")) {
      assertThat(api(account, "/api/v1/plans").statusCode()).as(account).isEqualTo(200);
    }
  }

  @Test
  void the_demo_data_matches_the_story() throws Exception {
    String alder = api("alder-admin", "/api/v1/subscriptions").body();
    assertThat(JsonPath.<List<Integer>>read(alder, "$[*].assignedLicenses")).containsExactlyInAnyOrder(3, 24, 25);
    assertThat(JsonPath.<List<Integer>>read(alder, "$[?(@.quantity > @.assignedLicenses)].id")).hasSize(3);
    String birch = api("birch-admin", "/api/v1/subscriptions").body();
    assertThat(JsonPath.<List<Integer>>read(birch, "$[*].assignedLicenses")).containsExactly(180);
    assertThat(JsonPath.<List<Integer>>read(birch, "$[*].quantity")).containsExactly(200);
    // 250 members: more than a page, so read through the real server as a client would, along Link.
    HttpResponse<String> firstPage = api("birch-admin", "/api/v1/members");
    assertThat(firstPage.headers().firstValue("X-Total-Count")).hasValue("250");
    List<String> members = new java.util.ArrayList<>();
    for (HttpResponse<String> page = firstPage; page != null; ) {
      members.addAll(JsonPath.<List<String>>read(page.body(), "$[*].id"));
      String next = org.billingcenter.testing.PagedLists.next(page.headers().firstValue("Link").orElse(null));
      page = next == null ? null : api("birch-admin", next);
    }
    assertThat(Set.copyOf(members)).hasSize(250);
    String cedar = api("cedar-admin", "/api/v1/subscriptions").body();
    assertThat(JsonPath.<List<String>>read(cedar, "$[*].status")).containsExactly("TRIAL", "TRIAL", "TRIAL");
    assertThat(JsonPath.<List<String>>read(cedar, "$[?(@.paymentMethodId != null)].id")).hasSize(2);
  }

  private Set<String> apiIds(String account) throws IOException, InterruptedException {
    HttpResponse<String> response = api(account, "/api/v1/subscriptions");
    assertThat(response.statusCode()).isEqualTo(200);
    return Set.copyOf(JsonPath.<List<String>>read(response.body(), "$[*].id"));
  }

  private HttpResponse<String> api(String account, String path) throws IOException, InterruptedException {
    String basic = Base64.getEncoder().encodeToString((account + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static Set<String> idsOnPage(String html) {
    return Pattern.compile("data-subscription-id=\"([0-9a-f-]{36})\"")
        .matcher(html)
        .results()
        .map(m -> m.group(1))
        .collect(Collectors.toSet());
  }

  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("hidden field " + name).isTrue();
    return m.group(1);
  }

  private static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(i == 0 ? "" : "&")
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }
}
