package org.billingcenter.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.billingcenter.account.Role;
import org.billingcenter.testing.ServiceNode;
import org.billingcenter.testing.ServiceNodesIT;
import org.billingcenter.testing.TestTenants;
import org.junit.jupiter.api.Test;

/**
 * Two real service nodes on one database: a key revoked through node 1 is refused there at once and
 * by node 2, which had it cached, within 5 s (its cache lives 2 s). A node that stops writes the last
 * uses it collected (its periodic flush is set to an hour here, so only the shutdown writes).
 */
class ApiKeyRevocationAcrossNodesIT extends ServiceNodesIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void a_key_revoked_on_one_node_is_refused_on_the_other_within_five_seconds() throws Exception {
    TestTenants.Given org = tenants.tenant(0);
    ApiKeyService keys = parent.getBean(ApiKeyService.class);
    CreatedApiKey admin = keys.create(new NewApiKey(org.id(), "admin", Role.GLOBAL_ADMIN, null), "test");
    CreatedApiKey script = keys.create(new NewApiKey(org.id(), "script", Role.READER, null), "test");
    CreatedApiKey quiet = keys.create(new NewApiKey(org.id(), "used on node 2 only", Role.READER, null), "test");
    String[] flushHourly = {"--billing-center.api-keys.last-use-flush=1h"};
    try (ServiceNode one = ServiceNode.start("keys-1", settings(flushHourly));
        ServiceNode two = ServiceNode.start("keys-2", settings(flushHourly))) {
      one.awaitReady(Duration.ofSeconds(120));
      two.awaitReady(Duration.ofSeconds(120));
      assertThat(call(one, "GET", "/api/v1/subscriptions", script)).isEqualTo(200);
      assertThat(call(two, "GET", "/api/v1/subscriptions", script)).isEqualTo(200); // now cached on node 2

      assertThat(call(one, "DELETE", "/api/v1/api-keys/" + script.id(), admin)).isEqualTo(204);
      long revoked = System.nanoTime();
      assertThat(call(one, "GET", "/api/v1/subscriptions", script)).as("node 1, at once").isEqualTo(401);
      int status = 200;
      while (status == 200 && System.nanoTime() - revoked < Duration.ofSeconds(10).toNanos()) {
        status = call(two, "GET", "/api/v1/subscriptions", script);
        if (status == 200) {
          Thread.sleep(100);
        }
      }
      Duration took = Duration.ofNanos(System.nanoTime() - revoked);
      System.out.println("API key revoked on node 1, refused by node 2 after " + took.toMillis() + " ms");
      assertThat(status).as("node 2 after " + took).isEqualTo(401);
      assertThat(took).isLessThan(Duration.ofSeconds(5));
      assertThat(call(two, "GET", "/api/v1/subscriptions", admin)).isEqualTo(200);

      assertThat(call(two, "GET", "/api/v1/subscriptions", quiet)).isEqualTo(200);
      assertThat(lastUsed(quiet)).as("not written per request").isNull();
      two.close();
      assertThat(lastUsed(quiet)).as("written when node 2 stopped").isNotNull();
    }
  }

  private static java.time.OffsetDateTime lastUsed(CreatedApiKey key) {
    return jdbc.sql("select last_used_at from api_key where key_id = :id").param("id", key.id())
        .query(java.time.OffsetDateTime.class).list().get(0);
  }

  private static int call(ServiceNode node, String method, String path, CreatedApiKey key) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(node.uri(path).toString()))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", key.authorization())
        .timeout(Duration.ofSeconds(10))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
