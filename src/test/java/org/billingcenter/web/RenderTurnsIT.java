package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.billingcenter.testing.DatabaseIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Page views take turns through the real server: with the only turn held, a page waits and comes
 * whole once the turn is given back; what is not a page view (the liveness probe, the API's
 * problem+json) never waits for one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"billing-center.pages.render-turns=1", "billing-center.pages.render-patience=20s"})
class RenderTurnsIT extends DatabaseIT {

  @LocalServerPort int port;
  @Autowired RenderTurns turns;

  final HttpClient client = HttpClient.newHttpClient();

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
  }

  @Test
  void aPageWaitsForItsTurnAndComesWhole() throws Exception {
    assertThat(turns.size()).isEqualTo(1);
    CompletableFuture<HttpResponse<String>> page;
    try (RenderTurns.Turn held = turns.take()) {
      page = client.sendAsync(get("/login"), HttpResponse.BodyHandlers.ofString());
      RenderTurnsTest.awaitWaiting(turns, 1);
      Thread.sleep(200);
      assertThat(page).as("the page waits while the only turn is held").isNotDone();

      HttpResponse<String> probe = client.send(get("/actuator/health/liveness"), HttpResponse.BodyHandlers.ofString());
      assertThat(probe.statusCode()).as("the liveness probe is no page view").isEqualTo(200);
      HttpResponse<String> api = client.send(get("/api/v1/subscriptions"), HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).as("the API is no page view").isEqualTo(401);
      assertThat(page).isNotDone();
    }
    HttpResponse<String> signIn = page.get(10, TimeUnit.SECONDS);
    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(signIn.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(signIn.body()).contains("name=\"_csrf\"").endsWith("</html>\n");
    assertThat(turns.inUse()).isZero();
    assertThat(turns.impatient()).isZero();
  }
}
