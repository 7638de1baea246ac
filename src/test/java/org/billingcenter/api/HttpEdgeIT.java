package org.billingcenter.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP edge through a real server (Tomcat on a random port), since the servlet container's own
 * refusals and limits never reach MockMvc: bodies over the size limit, and every non-2xx answer
 * under /api/** as problem+json with a code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HttpEdgeIT.FailingFilter.class)
class HttpEdgeIT extends DatabaseIT {

  /** One byte over the default limit of 1 MB. */
  static final int OVER_LIMIT = 1024 * 1024 + 1;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  // --- 11.2 body size ---

  @Test
  void a_body_over_the_limit_with_content_length_gets_413_and_nothing_is_stored() throws Exception {
    Given org = tenants.tenant(0);
    HttpResponse<String> answer = post(org, "/api/v1/members/bulk", "big-1", BodyPublishers.ofString(bulkMembers(OVER_LIMIT)));
    assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
    assertThat(members(org)).isZero();
    // The key was not used up: the same key with a small body is judged afresh.
    HttpResponse<String> small = post(org, "/api/v1/members/bulk", "big-1", BodyPublishers.ofString(bulkMembers(10)));
    assertThat(small.statusCode()).isEqualTo(201);
    assertThat(small.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void a_chunked_body_over_the_limit_gets_413_with_or_without_an_idempotency_key() throws Exception {
    Given org = tenants.tenant(0);
    for (String key : new String[] {"chunked-1", null}) {
      HttpResponse<String> answer = post(org, "/api/v1/members/bulk", key, chunked(bulkMembers(OVER_LIMIT)));
      assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
    }
    assertThat(members(org)).isZero();
  }

  @Test
  void a_body_within_the_limit_is_handled_as_before() throws Exception {
    Given org = tenants.tenant(0);
    HttpResponse<String> answer = post(org, "/api/v1/members/bulk", null, chunked(bulkMembers(900 * 1024)));
    assertThat(answer.statusCode()).isEqualTo(201);
    assertThat(members(org)).isPositive();
  }

  @Test
  void a_page_form_over_the_limit_gets_413_chunked_or_with_content_length() throws Exception {
    String form = "username=x&password=" + "a".repeat(OVER_LIMIT);
    for (BodyPublisher body : new BodyPublisher[] {BodyPublishers.ofString(form), chunked(form)}) {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/login"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(body).build(), BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(413);
    }
  }

  // --- 11.8 every /api/** error is problem+json ---

  @Test
  void an_unknown_api_route_and_a_wrong_method_are_problem_json() throws Exception {
    Given org = tenants.tenant(0);
    assertProblem(send(org, HttpRequest.newBuilder(uri("/api/v1/no-such-thing")).GET()), 404, "NO_SUCH_PATH");
    assertProblem(send(org, HttpRequest.newBuilder(uri("/api/v1/invoices")).method("PATCH", BodyPublishers.noBody())),
        405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void a_wildcard_content_type_is_415_and_an_xml_accept_is_406() throws Exception {
    Given org = tenants.tenant(0);
    for (String type : new String[] {"*/*", "application/*"}) {
      assertProblem(send(org, HttpRequest.newBuilder(uri("/api/v1/members")).header("Content-Type", type)
          .POST(BodyPublishers.ofString("{\"displayName\":\"Ada\",\"email\":\"ada@example.com\"}"))),
          415, "UNSUPPORTED_MEDIA_TYPE");
    }
    assertProblem(send(org, HttpRequest.newBuilder(uri("/api/v1/plans")).header("Accept", "application/xml").GET()),
        406, "NOT_ACCEPTABLE");
    assertThat(members(org)).isZero();
  }

  @Test
  void a_nul_or_undecodable_text_in_a_path_or_query_string_never_reaches_the_database() throws Exception {
    Given org = tenants.tenant(0);
    assertProblem(send(org, HttpRequest.newBuilder(uri("/api/v1/subscriptions?planId=a%00b")).GET()), 400, "INVALID_TEXT");
    for (String path : new String[] {"/api/v1/subscriptions/%00", "/api/v1/subscriptions?planId=%ED%A0%80"}) {
      HttpResponse<String> answer = send(org, HttpRequest.newBuilder(uri(path)).GET());
      assertThat(answer.statusCode()).as(path).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
  }

  @Test
  void a_request_the_firewall_rejects_is_problem_json() throws Exception {
    Given org = tenants.tenant(0);
    assertProblem(send(org, HttpRequest.newBuilder(uri("/api/v1/plans;x=y")).GET()), 400, "MALFORMED_REQUEST");
    assertProblem(send(org, HttpRequest.newBuilder(uri("/api/v1/plans/a%2F..%2Fb")).GET()), 400, "MALFORMED_REQUEST");
  }

  @Test
  void tomcats_own_400s_under_api_are_problem_json() throws Exception {
    for (String requestLine : new String[] {
        "GET /api/v1/plans/%zz HTTP/1.1\r\nHost: localhost\r\n",
        "GET /api/v1/pl{ans HTTP/1.1\r\nHost: localhost\r\n",
        "GET /api/v1/plans HTTP/1.1\r\nHost: bad host!\r\n"}) {
      String raw = raw(requestLine + "Connection: close\r\n\r\n");
      assertThat(raw).as(requestLine).startsWith("HTTP/1.1 400");
      assertThat(raw).as(requestLine).containsIgnoringCase("content-type: application/problem+json")
          .contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContainIgnoringCase("<html");
    }
  }

  @Test
  void an_error_raised_in_a_filter_is_problem_json() throws Exception {
    Given org = tenants.tenant(0);
    assertProblem(send(org, HttpRequest.newBuilder(uri(FailingFilter.PATH)).GET()), 500, "INTERNAL_ERROR");
  }

  @Test
  void security_refusals_stay_problem_json() throws Exception {
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/v1/invoices")).GET().build(), BodyHandlers.ofString());
    assertProblem(anonymous, 401, "NOT_SIGNED_IN");
  }

  /** A filter that fails on one path, as a filter with a bug would. */
  @TestConfiguration(proxyBeanMethods = false)
  static class FailingFilter {
    static final String PATH = "/api/v1/plans/filter-failure-probe";

    @Bean
    OncePerRequestFilter failingFilter() {
      return new OncePerRequestFilter() {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws java.io.IOException, jakarta.servlet.ServletException {
          if (request.getRequestURI().equals(PATH)) {
            throw new IllegalStateException("a filter failed");
          }
          chain.doFilter(request, response);
        }
      };
    }
  }

  static void assertProblem(HttpResponse<String> answer, int status, String code) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
  }

  private HttpResponse<String> post(Given org, String path, String key, BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(org, request);
  }

  private HttpResponse<String> send(Given org, HttpRequest.Builder request) throws IOException, InterruptedException {
    String basic = Base64.getEncoder().encodeToString((org.admin() + ":" + org.password()).getBytes(StandardCharsets.UTF_8));
    return http.send(request.header("Authorization", "Basic " + basic).build(), BodyHandlers.ofString());
  }

  /** No Content-Length: the client streams the body in chunks, as an attacker would. */
  private static BodyPublisher chunked(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
  }

  /** A valid bulk-members body (three members) padded with white space to {@code bytes} bytes. */
  private static String bulkMembers(int bytes) {
    String members = "{\"members\":[{\"displayName\":\"Ada\",\"email\":\"ada@example.com\"},"
        + "{\"displayName\":\"Bo\",\"email\":\"bo@example.com\"},{\"displayName\":\"Cy\",\"email\":\"cy@example.com\"}]";
    return members + " ".repeat(Math.max(0, bytes - members.length() - 1)) + "}";
  }

  private long members(Given org) {
    return jdbc.sql("select count(*) from member where tenant_id = :t").param("t", org.id().value())
        .query(Long.class).single();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A hand-written request, for what an HTTP client library would refuse to send. */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
