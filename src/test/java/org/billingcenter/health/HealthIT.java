package org.billingcenter.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.shared.Utc;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.NewCallback;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17 (runs): the health numbers of the API and the page are the gauges /actuator/prometheus
 * exports, value for value, and they move with the data (a pending e-mail, a failed webhook
 * delivery, an open callback request); only the operator sees them.
 */
class HealthIT extends DatabaseIT {

  private static final String PASSWORD = "Quiet-Harbor-Lantern-42";
  private static final Pattern SAMPLE =
      Pattern.compile("^(billing_center_[a-z_]+)(\\{[^}]*})? ([-0-9.Ee+]+)$", Pattern.MULTILINE);

  @Autowired JdbcClient jdbc;
  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;
  @Autowired CallbackService callbacks;
  @Autowired HealthMeters meters;

  private String operator;

  @BeforeEach
  void anOperator() {
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), PASSWORD));
  }

  private String api() throws Exception {
    meters.refresh();
    return mvc.perform(get("/api/v1/operator/health").with(httpBasic(operator, PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  /** Every billing_center sample of the scrape, keyed by name and labels. */
  private Map<String, Double> scrape() throws Exception {
    String text = mvc.perform(get("/actuator/prometheus").with(httpBasic(operator, PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    Map<String, Double> samples = new TreeMap<>();
    Matcher m = SAMPLE.matcher(text);
    while (m.find()) {
      samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
    }
    return samples;
  }

  private static long number(String json, String field) {
    return ((Number) JsonPath.read(json, "$." + field)).longValue();
  }

  private void aDelivery(String channel, String status) {
    TestTenants.Given org = tenants.tenant(0);
    UUID event = UUID.randomUUID();
    jdbc.sql("""
            insert into outbox_event (tenant_id, event_id, event_type, occurred_at, subject_id, data)
            values (:t, :e, 'test.health', :now, 'x', '{}')
            """).param("t", org.id().value()).param("e", event).param("now", Utc.of(START)).update();
    jdbc.sql("""
            insert into delivery (tenant_id, delivery_id, event_id, channel, target, status, created_at, next_attempt_at)
            values (:t, :d, :e, :channel, 'health@example.com', :status, :now, :now)
            """).param("t", org.id().value()).param("d", UUID.randomUUID()).param("e", event)
        .param("channel", channel).param("status", status).param("now", Utc.of(START)).update();
  }

  @Test
  void the_health_numbers_move_with_the_data_and_equal_the_prometheus_scrape() throws Exception {
    String before = api();
    aDelivery("EMAIL", "PENDING");
    aDelivery("WEBHOOK", "FAILED");
    TestTenants.Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 30, 0);
    clock.set(START.minusSeconds(7200));
    callbacks.request(org.id(), new NewCallback(s.id(), "Nora", "+33123456789", "fr", "any time"), "t");
    clock.set(START);

    String after = api();
    assertThat(number(after, "emailsPending")).isEqualTo(number(before, "emailsPending") + 1);
    assertThat(number(after, "webhooksFailed")).isEqualTo(number(before, "webhooksFailed") + 1);
    assertThat(number(after, "callbacksOpen")).isEqualTo(number(before, "callbacksOpen") + 1);
    assertThat(number(after, "callbacksOldestSeconds")).isGreaterThanOrEqualTo(7200);
    assertThat((Boolean) JsonPath.read(after, "$.databaseUp")).isTrue();

    Map<String, Double> scraped = scrape();
    assertThat(scraped).containsEntry("billing_center_deliveries_pending{channel=\"email\"}", (double) number(after, "emailsPending"))
        .containsEntry("billing_center_deliveries_failed{channel=\"email\"}", (double) number(after, "emailsFailed"))
        .containsEntry("billing_center_deliveries_pending{channel=\"webhook\"}", (double) number(after, "webhooksPending"))
        .containsEntry("billing_center_deliveries_failed{channel=\"webhook\"}", (double) number(after, "webhooksFailed"))
        .containsEntry("billing_center_callbacks_open", (double) number(after, "callbacksOpen"))
        .containsEntry("billing_center_callbacks_oldest_seconds", (double) number(after, "callbacksOldestSeconds"))
        .containsEntry("billing_center_database_up", 1.0)
        .containsEntry("billing_center_scheduler_consecutive_failures", (double) number(after, "schedulerConsecutiveFailures"))
        .containsKey("billing_center_billing_run_last_success")
        .containsKey("billing_center_scheduler_next_run");

    Document page = Jsoup.parse(mvc.perform(get("/operator/health").with(user(accounts.loadUserByUsername(operator))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(page.select("#emails .pending").text()).isEqualTo(String.valueOf(number(after, "emailsPending")));
    assertThat(page.select("#webhooks .failed").text()).isEqualTo(String.valueOf(number(after, "webhooksFailed")));
    assertThat(page.select("#callbacks-open").text()).isEqualTo(String.valueOf(number(after, "callbacksOpen")));
  }

  @Test
  void only_the_operator_sees_the_health_numbers() throws Exception {
    TestTenants.Given org = tenants.tenant(0);
    mvc.perform(get("/api/v1/operator/health").with(httpBasic(org.admin(), org.password()))).andExpect(status().isForbidden());
    assertThat(mvc.perform(get("/operator/health").with(user(accounts.loadUserByUsername(org.admin()))))
        .andReturn().getResponse().getStatus()).isEqualTo(403);
  }
}
