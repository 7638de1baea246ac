package org.billingcenter.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.billingcenter.account.AccountService;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.LongVariant;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 10,000 malformed and hostile API requests generated with jqwik: no 5xx, no change to the
 * organisation they aim at, the service still healthy afterwards.
 */
class ApiFuzzIT extends DatabaseIT {

  static final int REQUESTS = Integer.getInteger("billing.fuzz.requests", LongVariant.pick(10_000, 100_000));

  @Autowired AccountService accounts;
  @Autowired JdbcClient jdbc;

  record Attack(HttpMethod method, String path, String contentType, String body, String language, String key) {}

  static Arbitrary<String> hostileSegment(List<String> real) {
    return Arbitraries.oneOf(
        Arbitraries.of(real),
        Arbitraries.create(() -> UUID.randomUUID().toString()),
        Arbitraries.of("..", "%2e%2e", "null", "-1", "0", "99999999999999999999", "' or 1=1 --", "%00", "<script>",
            "00000000-0000-0000-0000-000000000000", "zh-TW", "\u202e", "😀", "%E2%80%AE"),
        Arbitraries.strings().ofMaxLength(40).map(s -> java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)),
        Arbitraries.strings().withChars('a', 'z').ofLength(300));
  }

  static Arbitrary<String> hostileBody(List<String> real) {
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "-1", "0", "1e400", "\"\"", "[]", "{}", "99999999999999999999999", "\"NOW\"",
            "\"END_OF_TERM\"", "\"TOO_EXPENSIVE\"", "\"+33123456789\"", "\"2026-02-30\"", "\"2026-04-10\"", "-0.5"),
        Arbitraries.of(real).map(id -> "\"" + id + "\""),
        Arbitraries.of(real).map(id -> "[\"" + id + "\"]"),
        Arbitraries.strings().ofMaxLength(60).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    Arbitrary<String> field = Arbitraries.of("subscriptionId", "memberIds", "paymentMethodId", "planId", "quantity", "when",
        "reason", "comment", "contactName", "phone", "language", "preferredTimeWindow", "autoRenew", "displayName",
        "email", "members", "token", "brand", "last4", "expiryMonth", "expiryYear", "date", "notes", "note", "name",
        "country", "locale", "timeZone", "currency", "admin", "id", "unitPriceMinor",
        // Issue 16 (profile): the billing profile's fields
        "legalName", "addressLine1", "postalCode", "city", "taxId", "purchaseOrder", "invoiceLanguage", "attachPdf",
        "electronicInvoice",
        "overrideReason", "text", // Issue 17 support
        "newPaymentMethod", "holderName", "replacementId"); // Issue 18 balance, methods
    Arbitrary<String> object = Combinators.combine(field, value).as((f, v) -> "\"" + f + "\":" + v)
        .list().ofMaxSize(8).map(pairs -> "{" + String.join(",", pairs) + "}");
    return Arbitraries.oneOf(
        object,
        object,
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.integers().between(1, 3000).map(n -> "[".repeat(n) + "]".repeat(n)),
        Arbitraries.of("", "{", "{\"quantity\":", "[1,2,3]", "\"just a string\"", "{\"a\":1,\"a\":2}", "\u0000"));
  }

  @Test
  void ten_thousand_hostile_requests_get_no_server_error_and_change_nothing_they_should_not() throws Exception {
    Given victim = tenants.tenant(3);
    Subscription victimSub = tenants.subscription(victim, 5, 3);
    Given attacker = tenants.tenant(3);
    Subscription own = tenants.subscription(attacker, 5, 3);
    List<String> ids = List.of(victim.id().toString(), victimSub.id().toString(), victim.members().get(0).toString(),
        victim.card().toString(), own.id().toString(), attacker.members().get(0).toString());
    String victimBefore = TenantFingerprint.of(jdbc, victim.id());

    List<String> paths = List.of("/api/v1/subscriptions", "/api/v1/subscriptions/{}", "/api/v1/subscriptions/{}/cancellation",
        "/api/v1/subscriptions/{}/licenses", "/api/v1/subscriptions/{}/licenses/unassign", "/api/v1/subscriptions/{}/licenses/{}",
        "/api/v1/subscriptions/{}/auto-renew", "/api/v1/subscriptions/{}/reactivation", "/api/v1/subscriptions/trials",
        "/api/v1/members", "/api/v1/members/bulk", "/api/v1/payment-methods", "/api/v1/plans", "/api/v1/credits",
        "/api/v1/invoices", "/api/v1/invoices/{}", "/api/v1/refunds", "/api/v1/callback-requests",
        "/api/v1/callback-requests/{}/withdraw", "/api/v1/tenant", "/api/v1/tenants", "/api/v1/operator/billing-runs",
        "/api/v1/support/callback-requests", "/api/v1/{}", "/api/v1/subscriptions/{}/{}",
        "/api/v1/billing-profile", // Issue 16 (profile)
        "/api/v1/invoices/{}/pdf", "/api/v1/credit-notes/{}/pdf", // Issue 16 (pdf)
        // Issue 16 (exports): hostile dates, types and ids in the exports' and the order history's queries
        "/api/v1/exports/invoices.csv?from={}&to={}", "/api/v1/exports/credits.csv?from=2026-01-01&to={}",
        "/api/v1/exports/invoice-lines.csv?from={}&to=2026-12-31", "/api/v1/order-history?type={}&subscription={}",
        "/api/v1/order-history?from={}&to={}",
        "/api/v1/operator/tenants/{}/invoices/{}/void", // Issue 16 (void)
        // Issue 17 organisations: begin
        "/api/v1/operator/tenants?query={}&sort={}", "/api/v1/operator/tenants/{}", "/api/v1/operator/tenants/{}/suspension",
        "/api/v1/operator/tenants?page={}&size={}",
        // Issue 17 organisations: end
        // Issue 17 support: begin — the queue's filters and the request's endpoints (support engineers only)
        "/api/v1/support/callback-requests?status={}&minWaitingMinutes={}",
        "/api/v1/support/callback-requests?language={}&query={}",
        "/api/v1/support/tenants/{}/callback-requests/{}/notes",
        "/api/v1/support/tenants/{}/subscriptions/{}/license-removal",
        // Issue 17 support: end
        // Issue 17 runs: begin
        "/api/v1/operator/billing-runs/{}", "/api/v1/operator/billing-runs?status={}&page={}", "/api/v1/operator/health",
        // Issue 17 runs: end
        // Issue 17 audit: begin — hostile filters of the audit searches (the operator's refuse a Global admin) and the metrics
        "/api/v1/audit-events?actor={}&action={}", "/api/v1/audit-events?from={}&to={}", "/api/v1/audit-events.csv?from={}&action={}",
        "/api/v1/operator/audit-events?tenantId={}&organisation={}", "/api/v1/operator/audit-events.csv?actor={}",
        "/api/v1/operator/metrics/{}",
        // Issue 17 audit: end
        // Issue 17 catalog: begin
        "/api/v1/operator/plans?q={}", "/api/v1/operator/plans/{}/prices", "/api/v1/operator/plans/{}/retirement",
        "/api/v1/operator/plans/{}/prices/preview?unitPriceMinor={}&effectiveFrom=2027-01-01",
        // Issue 17 catalog: end
        // Issue 18 balance: begin
        "/api/v1/balance", "/api/v1/balance/payments", "/api/v1/balance/{}", "/api/v1/invoices/{}/payment-attempts",
        // Issue 18 balance: end
        // Issue 18 receivables: begin
        "/api/v1/operator/receivables?{}={}", "/api/v1/operator/receivables/organisations?q={}&page={}",
        "/api/v1/operator/receivables/months?months={}", "/api/v1/operator/dunning-runs",
        "/api/v1/operator/receivables/failed-refunds?page={}",
        // Issue 18 receivables: end
        // Issue 18 methods: begin
        "/api/v1/payment-methods/{}", "/api/v1/payment-methods/{}/default", "/api/v1/payment-methods/{}/replacement",
        "/api/v1/payment-methods/{}/replacement?with={}"
        // Issue 18 methods: end
        );
    Arbitrary<String> path = Combinators.combine(Arbitraries.of(paths), hostileSegment(ids), hostileSegment(ids))
        .as((p, a, b) -> p.replaceFirst("\\{}", a).replaceFirst("\\{}", b));
    Arbitrary<Attack> attacks = Combinators.combine(
            Arbitraries.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH),
            path,
            Arbitraries.of("application/json", "application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded", "bogus/\u00e9"),
            hostileBody(ids),
            Arbitraries.of("en", "fr-FR", "zh-TW", "xx", "*", "bg-BG;q=abc", "", "da-DK,zh;q=0.2"),
            Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(250)))
        .as(Attack::new);

    Map<String, Integer> statuses = new TreeMap<>();
    List<String> serverErrors = new ArrayList<>();
    var attackerAccount = accounts.loadUserByUsername(attacker.admin());
    attacks.sampleStream().limit(REQUESTS).forEach(attack -> {
      try {
        MockHttpServletRequestBuilder request = request(attack.method(), URI.create("http://localhost" + safe(attack.path())))
            .contentType(attack.contentType()).content(attack.body()).header("Accept-Language", attack.language())
            .with(user(attackerAccount));
        if (attack.key() != null && !attack.key().isEmpty()) {
          request.header("Idempotency-Key", attack.key().replaceAll("[\\r\\n]", ""));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        statuses.merge(String.valueOf(response.getStatus()), 1, Integer::sum);
        if (response.getStatus() >= 500) {
          serverErrors.add(attack + " -> " + response.getContentAsString());
        }
      } catch (Exception e) {
        serverErrors.add(attack + " -> " + e);
      }
    });

    System.out.println("Fuzz statuses over " + REQUESTS + " requests: " + statuses);
    assertThat(serverErrors).as("server errors").isEmpty();
    assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
    assertThat(TenantFingerprint.of(jdbc, victim.id())).isEqualTo(victimBefore);
    assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString()).contains("UP");
  }

  // Issue 17 organisations: begin
  /**
   * The operator's organisations API as the operator himself: hostile queries, orders, pages, ids
   * and bodies never make a 5xx, and a suspension only ever happens with a reason.
   */
  @Test
  void hostile_operator_requests_to_the_organisations_api_get_no_server_error() throws Exception {
    Given target = tenants.tenant(0);
    List<String> ids = List.of(target.id().toString());
    String operator = "fuzz-op-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.seedOperatorAccount(new org.billingcenter.account.AdminAccount(operator, null, "Op",
        java.util.Set.of(org.billingcenter.account.Role.OPERATOR), null), "op-password");
    var me = user(accounts.loadUserByUsername(operator));
    Arbitrary<String> path = Combinators.combine(Arbitraries.of("/api/v1/operator/tenants?query={}&sort={}",
            "/api/v1/operator/tenants?page={}&size={}", "/api/v1/operator/tenants/{}", "/api/v1/operator/tenants/{}/suspension"),
            hostileSegment(ids), hostileSegment(ids))
        .as((p, a, b) -> p.replaceFirst("\\{}", a).replaceFirst("\\{}", b));
    List<String> serverErrors = new ArrayList<>();
    Combinators.combine(Arbitraries.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE), path, hostileBody(ids))
        .as((method, p, body) -> new Attack(method, p, "application/json", body, "fr-FR", null))
        .sampleStream().limit(Math.max(300, REQUESTS / 20)).forEach(attack -> {
          try {
            MockHttpServletResponse response = mvc.perform(request(attack.method(), URI.create("http://localhost" + safe(attack.path())))
                .contentType(attack.contentType()).content(attack.body()).with(me)).andReturn().getResponse();
            if (response.getStatus() >= 500) {
              serverErrors.add(attack + " -> " + response.getContentAsString());
            }
          } catch (Exception e) {
            serverErrors.add(attack + " -> " + e);
          }
        });
    assertThat(serverErrors).as("server errors").isEmpty();
    assertThat(jdbc.sql("select count(*) from tenant_suspension where reason is null or trim(reason) = ''")
        .query(Long.class).single()).isZero();
  }
  // Issue 17 organisations: end

  // Issue 18 receivables: begin
  /** The receivables reads as the operator himself: hostile searches, pages and month counts never make a 5xx. */
  @Test
  void hostile_operator_requests_to_the_receivables_api_get_no_server_error() throws Exception {
    Given target = tenants.tenant(0);
    List<String> ids = List.of(target.id().toString());
    String operator = "fuzz-op-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.seedOperatorAccount(new org.billingcenter.account.AdminAccount(operator, null, "Op",
        java.util.Set.of(org.billingcenter.account.Role.OPERATOR), null), "op-password");
    var me = user(accounts.loadUserByUsername(operator));
    Arbitrary<String> path = Combinators.combine(Arbitraries.of("/api/v1/operator/receivables/organisations?q={}&size={}",
            "/api/v1/operator/receivables/organisations?page={}&q={}", "/api/v1/operator/receivables/months?months={}{}",
            "/operator/receivables?q={}&page={}", "/api/v1/operator/receivables/failed-refunds?page={}&size={}",
            "/operator/receivables?refundsPage={}&q={}"),
            hostileSegment(ids), hostileSegment(ids))
        .as((p, a, b) -> p.replaceFirst("\\{}", a).replaceFirst("\\{}", b));
    List<String> serverErrors = new ArrayList<>();
    path.sampleStream().limit(300).forEach(p -> {
      try {
        MockHttpServletResponse response = mvc.perform(request(HttpMethod.GET, URI.create("http://localhost" + safe(p)))
            .with(me)).andReturn().getResponse();
        if (response.getStatus() >= 500) {
          serverErrors.add(p + " -> " + response.getContentAsString());
        }
      } catch (Exception e) {
        serverErrors.add(p + " -> " + e);
      }
    });
    assertThat(serverErrors).as("server errors").isEmpty();
  }
  // Issue 18 receivables: end

  /** Keeps the generated path a valid URI: anything else never reaches a server either. */
  private static String safe(String path) {
    StringBuilder out = new StringBuilder();
    for (char c : path.toCharArray()) {
      out.append(c < 0x21 || c > 0x7e || "\"<>\\^`{|}".indexOf(c) >= 0
          ? java.net.URLEncoder.encode(String.valueOf(c), java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(c));
    }
    return out.toString();
  }
}
