package org.billingcenter.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit search on a seeded trail of two organisations (Paris time): a Global admin sees their own
 * organisation's events only, filtered by actor, action and their own days; a Billing admin is refused;
 * the operator searches across organisations; both export CSV with a localised header.
 */
class AuditSearchIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transaction;

  Given alder;
  Given birch;
  String actor;
  String operator;

  @BeforeEach
  void trail() {
    alder = tenants.tenant(0);
    birch = tenants.tenant(0);
    actor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
    // 23:30 UTC on 10 March is already 11 March in Paris: the organisation's days and UTC days differ.
    record(alder, "2026-03-09T09:00:00Z", actor, Change.of("PLAN_CHANGED", "subscription", "s-1").from("basic").to("premium"));
    record(alder, "2026-03-10T23:30:00Z", actor, Change.of("SUBSCRIPTION_CANCELLED", "subscription", "s-1")
        .from("ACTIVE").to("DISABLED").because("=cmd|' /C calc'!A0"));
    record(alder, "2026-03-12T08:00:00Z", "support:eve", Change.of("CALLBACK_CLAIMED", "callback_request", "c-1"));
    record(birch, "2026-03-10T12:00:00Z", actor, Change.of("SUBSCRIPTION_CANCELLED", "subscription", "birch-secret-entity"));
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
  }

  private void record(Given org, String at, String who, Change change) {
    clock.set(Instant.parse(at));
    transaction.executeWithoutResult(s -> audit.record(org.id(), who, change));
  }

  private MockHttpServletResponse as(String username, String path, String language) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", language).with(user(accounts.loadUserByUsername(username))))
        .andReturn().getResponse();
  }

  @Test
  void a_global_admin_sees_only_their_organisations_events_newest_first_with_readable_actions() throws Exception {
    MockHttpServletResponse response = as(alder.admin(), "/api/v1/audit-events?actor=" + actor, "en");
    assertThat(response.getStatus()).isEqualTo(200);
    String json = response.getContentAsString();
    assertThat(JsonPath.<List<String>>read(json, "$[*].action")).containsExactly("SUBSCRIPTION_CANCELLED", "PLAN_CHANGED");
    assertThat(JsonPath.<List<String>>read(json, "$[*].actionName")).containsExactly("Subscription cancelled", "Plan changed");
    assertThat(JsonPath.<List<String>>read(json, "$[*].tenantId")).containsOnly(alder.id().toString());
    assertThat(json).doesNotContain(birch.id().toString()).doesNotContain("birch-secret-entity");
    assertThat(response.getHeader("X-Total-Count")).isEqualTo("2");

    String all = as(alder.admin(), "/api/v1/audit-events?size=200", "en").getContentAsString();
    assertThat(all).contains("support:eve").contains("TENANT_CREATED").doesNotContain("birch-secret-entity");
  }

  @Test
  void filters_by_action_and_by_the_organisations_own_days() throws Exception {
    String byAction = as(alder.admin(), "/api/v1/audit-events?action=SUBSCRIPTION_CANCELLED", "en").getContentAsString();
    assertThat(JsonPath.<List<String>>read(byAction, "$[*].entityId")).containsExactly("s-1");
    String paris11 = as(alder.admin(), "/api/v1/audit-events?actor=" + actor + "&from=2026-03-11&to=2026-03-11", "en")
        .getContentAsString();
    assertThat(JsonPath.<List<String>>read(paris11, "$[*].action")).containsExactly("SUBSCRIPTION_CANCELLED");
    assertThat(JsonPath.<List<String>>read(paris11, "$[*].occurredAt")).containsExactly("2026-03-10T23:30:00Z");
    String utc10 = as(operator, "/api/v1/operator/audit-events?tenantId=" + alder.id() + "&actor=" + actor
        + "&from=2026-03-10&to=2026-03-10", "en").getContentAsString();
    assertThat(JsonPath.<List<String>>read(utc10, "$[*].action")).containsExactly("SUBSCRIPTION_CANCELLED");
  }

  @Test
  void the_operator_searches_across_organisations_by_actor_name_and_id_and_pages() throws Exception {
    MockHttpServletResponse both = as(operator, "/api/v1/operator/audit-events?actor=" + actor + "&size=2", "en");
    assertThat(both.getStatus()).isEqualTo(200);
    assertThat(both.getHeader("X-Total-Count")).isEqualTo("3");
    assertThat(both.getHeader("Link")).contains("rel=\"next\"");
    assertThat(JsonPath.<List<String>>read(both.getContentAsString(), "$[*].occurredAt"))
        .containsExactly("2026-03-10T23:30:00Z", "2026-03-10T12:00:00Z");
    String birchName = JsonPath.read(as(operator, "/api/v1/operator/audit-events?tenantId=" + birch.id(), "en")
        .getContentAsString(), "$[0].tenantName");
    String byName = as(operator, "/api/v1/operator/audit-events?actor=" + actor + "&organisation="
        + birchName.substring(birchName.length() - 8).toUpperCase(), "en").getContentAsString();
    assertThat(JsonPath.<List<String>>read(byName, "$[*].tenantId")).containsExactly(birch.id().toString());
  }

  @Test
  void a_billing_admin_and_every_organisation_account_are_refused_where_they_do_not_belong() throws Exception {
    String billingAdmin = tenants.account(alder, Role.BILLING_ADMIN);
    for (String path : List.of("/api/v1/audit-events", "/api/v1/audit-events.csv", "/settings/audit", "/settings/audit.csv",
        "/api/v1/operator/audit-events", "/operator/audit", "/operator/audit.csv", "/api/v1/operator/metrics/mrr",
        "/operator/charts")) {
      assertThat(as(billingAdmin, path, "en").getStatus()).as(path).isEqualTo(403);
    }
    for (String path : List.of("/api/v1/operator/audit-events.csv", "/operator/audit", "/api/v1/operator/metrics/callbacks",
        "/operator/charts")) {
      assertThat(as(alder.admin(), path, "en").getStatus()).as(path).isEqualTo(403);
    }
    // The operator has no organisation: the page sends it home (as every organisation page does), never lists.
    assertThat(as(operator, "/settings/audit", "en").getStatus()).isIn(302, 403);
  }

  @Test
  void the_csv_exports_stream_every_match_with_a_localised_header_iso_times_and_guarded_text() throws Exception {
    MockHttpServletResponse csv = as(alder.admin(), "/settings/audit.csv?actor=" + actor, "fr-FR");
    assertThat(csv.getStatus()).isEqualTo(200);
    assertThat(csv.getContentType()).startsWith("text/csv");
    assertThat(csv.getHeader("Content-Disposition")).contains("audit-events-start-to-now.csv");
    String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).startsWith("\uFEFFDate et heure (UTC),ID de l’organisation,Organisation,Auteur");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("2026-03-10T23:30:00Z,").contains("Abonnement résilié").contains("'=cmd|");
    assertThat(text).doesNotContain("birch-secret-entity");

    String api = new String(as(operator, "/api/v1/operator/audit-events.csv?actor=" + actor, "zh-CN").getContentAsByteArray(),
        StandardCharsets.UTF_8);
    assertThat(api.lines().toList()).hasSize(4);
    assertThat(api.lines().findFirst().orElseThrow()).startsWith("\uFEFF发生时间（UTC）");
    assertThat(api).contains("birch-secret-entity");
  }

  @Test
  void an_unreadable_filter_is_refused_in_the_callers_language_and_the_page_keeps_what_was_typed() throws Exception {
    MockHttpServletResponse api = as(alder.admin(), "/api/v1/audit-events?from=2026-03-12&to=2026-03-01", "fr-FR");
    assertThat(api.getStatus()).isEqualTo(422);
    assertThat(api.getContentAsString()).contains("AUDIT_FILTER_INVALID");
    assertThat(as(operator, "/api/v1/operator/audit-events.csv?tenantId=nope", "en").getStatus()).isEqualTo(422);
    MockHttpServletResponse page = as(alder.admin(), "/settings/audit?action=drop_table&from=2026-03-12", "fr-FR");
    assertThat(page.getStatus()).isEqualTo(422);
    Document doc = Jsoup.parse(page.getContentAsString());
    assertThat(doc.select("#filter-error").text()).startsWith("Ces filtres ne peuvent pas être appliqués");
    assertThat(doc.select("#au-action").val()).isEqualTo("drop_table");
    assertThat(doc.select("#audit-events")).isEmpty();
    assertThat(as(operator, "/operator/audit.csv?from=yesterday", "en").getStatus()).isEqualTo(422);
  }

  @Test
  void the_pages_list_the_trail_in_the_readers_language_and_zone() throws Exception {
    Document own = Jsoup.parse(as(alder.admin(), "/settings/audit?actor=" + actor, "fr-FR").getContentAsString());
    assertThat(own.select("#audit-events tbody tr")).hasSize(2);
    assertThat(own.select("#audit-events tbody tr").first().text()).contains("Abonnement résilié").contains("11 mars 2026 00:30");
    assertThat(own.select("#audit-export").attr("href")).isEqualTo("/settings/audit.csv?actor=" + actor);
    assertThat(own.text()).doesNotContain("birch-secret-entity");

    Document all = Jsoup.parse(as(operator, "/operator/audit?actor=" + actor, "en").getContentAsString());
    assertThat(all.select("#audit-events tbody tr")).hasSize(3);
    assertThat(all.select("#audit-events tbody tr a[href^=/operator/audit?tenantId=]")).hasSize(3);
    assertThat(all.select("#audit-events tbody tr").get(1).text()).contains("Test Org").contains("birch-secret-entity");
  }
}
