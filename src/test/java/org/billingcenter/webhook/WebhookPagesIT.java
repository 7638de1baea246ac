package org.billingcenter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The webhook pages of an organisation's Global admin and of the operator, without JavaScript. */
class WebhookPagesIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired WebhookService webhooks;
  @Autowired TransactionTemplate transaction;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;

  Given org;

  @BeforeEach
  void anOrganisation() {
    org = tenants.tenant(0);
  }

  private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
  }

  @Test
  void a_global_admin_adds_an_endpoint_sees_its_secret_once_and_finds_it_in_the_list_and_the_nav() throws Exception {
    MockHttpServletResponse empty = as(org.admin(), get("/settings/webhooks"));
    assertThat(empty.getStatus()).isEqualTo(200);
    Document page = Jsoup.parse(empty.getContentAsString());
    assertThat(page.select("nav a[href=/settings/webhooks]")).hasSize(1);
    assertThat(page.select("#no-endpoints")).hasSize(1);
    assertThat(page.select("input[name=eventTypes]")).hasSizeGreaterThan(15);
    assertThat(page.select("html").attr("lang")).isEqualTo("fr-FR");

    MockHttpServletResponse created = as(org.admin(), post("/settings/webhooks").with(csrf())
        .param("url", "https://93.184.215.14/crm").param("description", "CRM")
        .param("eventTypes", "subscription.cancelled", "trial.will_end"));
    assertThat(created.getStatus()).isEqualTo(200);
    String secret = Jsoup.parse(created.getContentAsString()).select("#secret").attr("value");
    assertThat(secret).startsWith("whsec_");

    Document list = Jsoup.parse(as(org.admin(), get("/settings/webhooks")).getContentAsString());
    assertThat(list.select("#endpoints tbody tr")).hasSize(1);
    assertThat(list.text()).contains("https://93.184.215.14/crm").contains("subscription.cancelled, trial.will_end")
        .doesNotContain(secret);
  }

  @Test
  void a_refused_address_or_missing_events_change_nothing_and_say_why() throws Exception {
    MockHttpServletResponse missing = as(org.admin(), post("/settings/webhooks").with(csrf()).param("url", "https://93.184.215.14/x"));
    assertThat(missing.getStatus()).isEqualTo(422);
    assertThat(Jsoup.parse(missing.getContentAsString()).select("#eventTypes-error")).hasSize(1);
    MockHttpServletResponse privateAddress = as(org.admin(), post("/settings/webhooks").with(csrf())
        .param("url", "https://10.0.0.1/x").param("eventTypes", "subscription.cancelled"));
    assertThat(privateAddress.getStatus()).isEqualTo(302);
    assertThat(webhooks.list(Owner.of(org.id()), PageRequest.FIRST).total()).isZero();
  }

  @Test
  void the_endpoint_page_shows_the_log_and_its_tries_and_replays_and_deletes_after_confirming() throws Exception {
    var created = webhooks.register(Owner.of(org.id()),
        new NewWebhookEndpoint("https://93.184.215.14/crm", List.of("subscription.cancelled"), null), "t");
    UUID id = created.endpoint().id();
    UUID delivery = new WebhookFixtures(outbox, jdbc, clock, transaction).failedDelivery(org.id(), id);
    String base = "/settings/webhooks/" + id;

    Document endpoint = Jsoup.parse(as(org.admin(), get(base)).getContentAsString());
    assertThat(endpoint.select("#deliveries tbody tr")).hasSize(1);
    assertThat(endpoint.select("#deliveries tbody tr").attr("data-delivery-id")).isEqualTo(delivery.toString());
    MockHttpServletResponse fragment = as(org.admin(), get(base).param("status", "DELIVERED").header("HX-Request", "true"));
    assertThat(fragment.getContentAsString()).doesNotContain("<html").contains("no-deliveries");

    Document tries = Jsoup.parse(as(org.admin(), get(base + "/deliveries/" + delivery)).getContentAsString());
    assertThat(tries.select("#tries tbody tr td").eachText()).contains("503", "down");
    assertThat(as(org.admin(), post(base + "/deliveries/" + delivery + "/replay").with(csrf())).getStatus()).isEqualTo(302);
    assertThat(jdbc.sql("select status from delivery where tenant_id = :t and delivery_id = :d")
        .param("t", org.id().value()).param("d", delivery).query(String.class).single()).isEqualTo("PENDING");

    Document rotate = Jsoup.parse(as(org.admin(), get(base + "/rotate")).getContentAsString());
    assertThat(rotate.select("#confirm-rotate")).hasSize(1);
    String newSecret = Jsoup.parse(as(org.admin(), post(base + "/rotate").with(csrf())).getContentAsString())
        .select("#secret").attr("value");
    assertThat(newSecret).startsWith("whsec_").isNotEqualTo(created.secret());

    assertThat(Jsoup.parse(as(org.admin(), get(base + "/delete")).getContentAsString()).select("#confirm-delete")).hasSize(1);
    assertThat(as(org.admin(), post(base + "/delete").with(csrf())).getRedirectedUrl()).isEqualTo("/settings/webhooks");
    assertThat(as(org.admin(), get(base)).getStatus()).isNotEqualTo(200);
  }

  @Test
  void other_roles_other_organisations_and_the_other_owners_path_get_nothing() throws Exception {
    var created = webhooks.register(Owner.of(org.id()),
        new NewWebhookEndpoint("https://93.184.215.14/crm", List.of("subscription.cancelled"), null), "t");
    String base = "/settings/webhooks/" + created.endpoint().id();
    String billingAdmin = tenants.account(org, Role.BILLING_ADMIN);
    assertThat(as(billingAdmin, get("/settings/webhooks")).getStatus()).isEqualTo(403);
    assertThat(Jsoup.parse(as(billingAdmin, get("/")).getContentAsString()).select("nav a[href=/settings/webhooks]")).isEmpty();
    String stranger = tenants.tenant(0).admin();
    MockHttpServletResponse other = as(stranger, get(base));
    assertThat(other.getStatus()).isNotEqualTo(200);
    assertThat(other.getContentAsString()).doesNotContain("93.184.215.14");
    as(stranger, post(base + "/delete").with(csrf()));
    assertThat(webhooks.get(Owner.of(org.id()), created.endpoint().id())).isNotNull();
    assertThat(as(org.admin(), get("/operator/webhooks")).getStatus()).isEqualTo(403);

    String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
    assertThat(as(operator, get("/settings/webhooks")).getStatus()).isEqualTo(403);
    Document operatorList = Jsoup.parse(as(operator, get("/operator/webhooks")).getContentAsString());
    assertThat(operatorList.select("nav a[href=/operator/webhooks]")).hasSize(1);
    assertThat(operatorList.text()).doesNotContain("93.184.215.14/crm");
    assertThat(as(operator, get("/operator/webhooks/" + created.endpoint().id())).getStatus()).isNotEqualTo(200);
  }
}
