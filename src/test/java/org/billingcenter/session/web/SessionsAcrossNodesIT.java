package org.billingcenter.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.testing.ServiceNode;
import org.billingcenter.testing.ServiceNodesIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;

/**
 * Two real service nodes on one database. A browser (a real HTTP client: cookies, the CSRF token
 * of the sign-in page) signs in on node 2; an admin ends that session through node 1's API; node 2
 * refuses the session within 5 s: its once-a-second poll of ended sessions, no query per request.
 */
class SessionsAcrossNodesIT extends ServiceNodesIT {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  @Test
  void a_session_ended_on_one_node_is_refused_on_another_within_five_seconds() throws Exception {
    Given org = tenants.tenant(0);
    try (ServiceNode one = ServiceNode.start("sessions-node-1", settings());
        ServiceNode two = ServiceNode.start("sessions-node-2", settings())) {
      one.awaitReady(Duration.ofSeconds(120));
      two.awaitReady(Duration.ofSeconds(120));

      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
      String loginPage = browser.send(HttpRequest.newBuilder(two.uri("/login")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher csrf = CSRF.matcher(loginPage);
      assertThat(csrf.find()).as("the sign-in page carries a CSRF token").isTrue();
      String form = "username=" + enc(org.admin()) + "&password=" + enc(org.password()) + "&_csrf=" + enc(csrf.group(1));
      HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(two.uri("/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.statusCode()).isEqualTo(302);
      assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
      assertThat(status(browser, two)).as("signed in on node 2").isEqualTo(200);

      HttpClient api = HttpClient.newHttpClient();
      String basic = "Basic " + Base64.getEncoder().encodeToString((org.admin() + ":" + org.password())
          .getBytes(StandardCharsets.UTF_8));
      String listed = api.send(HttpRequest.newBuilder(one.uri("/api/v1/sessions?username=" + enc(org.admin())))
          .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher id = ID.matcher(listed);
      assertThat(id.find()).as("node 1 lists the session node 2 registered: " + listed).isTrue();

      int ended = api.send(HttpRequest.newBuilder(one.uri("/api/v1/sessions/" + id.group(1)))
          .header("Authorization", basic).DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      long endedAt = System.nanoTime();
      assertThat(ended).isEqualTo(204);

      int answer = 200;
      while (answer == 200 && System.nanoTime() - endedAt < Duration.ofSeconds(10).toNanos()) {
        answer = status(browser, two);
        if (answer == 200) {
          Thread.sleep(50);
        }
      }
      Duration took = Duration.ofNanos(System.nanoTime() - endedAt);
      System.out.println("Session ended on node 1, refused on node 2 after " + took.toMillis() + " ms");
      assertThat(answer).as("node 2 sends the ended session to the sign-in page").isEqualTo(302);
      assertThat(took).isLessThan(Duration.ofSeconds(5));
      HttpResponse<Void> refused = browser.send(HttpRequest.newBuilder(two.uri("/account")).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(refused.headers().firstValue("Location").orElseThrow()).as("a new, anonymous visit: sign in")
          .endsWith("/login");
    }
  }

  private static int status(HttpClient browser, ServiceNode node) throws Exception {
    HttpResponse<Void> r = browser.send(HttpRequest.newBuilder(node.uri("/account")).build(),
        HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() == 302) {
      assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
    }
    return r.statusCode();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

}
