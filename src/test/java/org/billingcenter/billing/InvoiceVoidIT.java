package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.billing.InvoiceDocument.Kind;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16: the operator voids an issued invoice nobody has paid. The preview is what the void then
 * does; the invoice keeps its number and shows VOID to the organisation; its pending collection is
 * withdrawn and never collected again; the credits it absorbed come back on the next billing date;
 * paid invoices, credit notes and drafts are refused; a tenant's admin cannot reach any of it.
 */
class InvoiceVoidIT extends DatabaseIT {

  private static final LocalDate MARCH = LocalDate.of(2026, 3, 10);
  private static final LocalDate APRIL = LocalDate.of(2026, 4, 10);
  private static final LocalDate MAY = LocalDate.of(2026, 5, 10);

  @Autowired BillingService billing;
  @Autowired BillingRunService runs;
  @Autowired CancellationService cancellations;
  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  private String operator;

  @BeforeEach
  void anOperator() {
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "Quiet-Harbor-Lantern-42"));
  }

  @Test
  void voiding_forgives_the_invoice_withdraws_its_collection_and_returns_its_credits_as_previewed() throws Exception {
    Given org = tenants.tenant(0);
    Subscription kept = tenants.subscription(org, 2, 0);
    Subscription left = tenants.subscription(org, 1, 0);
    runs.run(MARCH);
    clock.set(START.plus(Duration.ofDays(3)));
    cancellations.cancel(org.id(), left.id(), BillingRunIT.ADMIN,
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    clock.set(START.plus(Duration.ofDays(31)));
    runs.run(APRIL);
    InvoiceDocument april = only(org, APRIL, Kind.INVOICE);
    assertThat(april.status()).isEqualTo(InvoiceStatus.PENDING_SETTLEMENT);
    assertThat(april.credited().isPositive()).as("the cancellation's credit was absorbed").isTrue();
    String path = "/api/v1/operator/tenants/" + org.id().value() + "/invoices/" + april.id();

    String preview = body(mvc.perform(as(operator, get(path + "/void"))).andReturn().getResponse(), 200);
    assertThat(preview).contains("\"forgiven\":{\"amountMinor\":" + april.total().minor())
        .contains("\"withdrawn\":{\"amountMinor\":" + april.total().minor())
        .contains("\"creditsReturnOn\":\"" + MAY + "\"")
        .contains("\"amountMinor\":" + april.credited().minor());

    assertThat(body(postJson(path + "/void", operator, "{\"reason\":\" \"}"), 422)).contains("reason");
    assertThat(billing.document(org.id(), april.id()).status()).as("a refused void changes nothing")
        .isEqualTo(InvoiceStatus.PENDING_SETTLEMENT);
    assertThat(body(postJson(path + "/void", org.admin(), "{\"reason\":\"mine\"}"), 403)).doesNotContain(april.number());

    String done = body(postJson(path + "/void", operator, "{\"reason\":\"Issued in error, agreed with the customer\"}"), 200);
    assertThat(done.replace("\"status\":\"VOID\"", "\"status\":\"PENDING_SETTLEMENT\""))
        .as("the void did what the preview said, field by field").isEqualTo(preview);

    InvoiceDocument voided = billing.document(org.id(), april.id());
    assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
    assertThat(voided.number()).as("a void keeps its number: the series has no gap").isEqualTo(april.number());
    assertThat(jdbc.sql("select count(*) from payment where tenant_id = :t and invoice_id = :i and withdrawn_at is not null")
        .param("t", org.id().value()).param("i", april.id()).query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = 'INVOICE_VOIDED' and reason like 'Issued in error%'")
        .param("t", org.id().value()).query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from outbox_event where tenant_id = :t and event_type = 'invoice.voided'")
        .param("t", org.id().value()).query(Integer.class).single()).isEqualTo(1);
    assertThat(api("/api/v1/invoices/" + april.id(), org.admin(), 200)).contains("\"status\":\"VOID\"");
    assertThat(body(postJson(path + "/void", operator, "{\"reason\":\"again\"}"), 409)).contains("INVOICE_ALREADY_VOID");

    clock.set(START.plus(Duration.ofDays(61)));
    runs.run(MAY);
    InvoiceDocument may = only(org, MAY, Kind.INVOICE);
    assertThat(may.credited()).as("the returned credit comes back on the next billing date").isEqualTo(april.credited());
    assertThat(billing.document(org.id(), april.id()).status()).as("the run never collects a void invoice")
        .isEqualTo(InvoiceStatus.VOID);
    assertThat(kept.id()).isNotNull();
  }

  @Test
  void paid_invoices_credit_notes_and_other_organisations_invoices_are_refused() throws Exception {
    Given org = tenants.tenant(0);
    tenants.subscription(org, 2, 0);
    Given other = tenants.tenant(0);
    Subscription gone = tenants.subscription(other, 1, 0);
    runs.run(MARCH);
    clock.set(START.plus(Duration.ofDays(3)));
    cancellations.cancel(other.id(), gone.id(), BillingRunIT.ADMIN,
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    clock.set(START.plus(Duration.ofDays(31)));
    runs.run(APRIL);
    InvoiceDocument march = only(org, MARCH, Kind.INVOICE);
    InvoiceDocument note = only(other, APRIL, Kind.CREDIT_NOTE);
    String marchPath = "/api/v1/operator/tenants/" + org.id().value() + "/invoices/" + march.id();

    assertThat(body(mvc.perform(as(operator, get("/api/v1/operator/tenants/" + other.id().value() + "/invoices/" + march.id())))
        .andReturn().getResponse(), 404)).contains("INVOICE_NOT_FOUND");
    assertThat(body(mvc.perform(as(operator, get("/api/v1/operator/tenants/" + other.id().value() + "/invoices/" + note.id() + "/void")))
        .andReturn().getResponse(), 409)).contains("INVOICE_VOID_CREDIT_NOTE");
    jdbc.sql("update payment set status = 'SETTLED' where tenant_id = :t").param("t", org.id().value()).update();
    assertThat(body(postJson(marchPath + "/void", operator, "{\"reason\":\"try\"}"), 409)).contains("INVOICE_VOID_PAID");
    assertThat(body(mvc.perform(as(operator, get(marchPath))).andReturn().getResponse(), 200))
        .contains("\"voidable\":false").contains("\"voidRefusal\":\"INVOICE_VOID_PAID\"");
    assertThat(billing.document(org.id(), march.id()).status()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void the_operator_voids_from_the_pages_with_a_reason_and_a_confirmation() throws Exception {
    Given org = tenants.tenant(0);
    tenants.subscription(org, 2, 0);
    runs.run(MARCH);
    InvoiceDocument march = only(org, MARCH, Kind.INVOICE);
    String page = "/operator/organisations/" + org.id().value() + "/invoices/" + march.id();

    assertThat(html(get(page + "?lang=fr-FR"), 200)).contains(march.number()).contains("Annuler la facture");
    assertThat(html(get(page + "/void?lang=da-DK"), 200)).contains("Annullér faktura " + march.number())
        .contains("trækkes tilbage");
    assertThat(html(post(page + "/void?lang=bg-BG").with(csrf()).param("reason", ""), 422)).contains("reason-error");
    assertThat(billing.document(org.id(), march.id()).status()).isEqualTo(InvoiceStatus.PENDING_SETTLEMENT);
    MockHttpServletResponse voided = mvc.perform(post(page + "/void").with(csrf()).param("reason", "Duplicate")
        .param("confirmed", "true").with(user(accounts.loadUserByUsername(operator)))).andReturn().getResponse();
    assertThat(voided.getRedirectedUrl()).isEqualTo(page);
    assertThat(billing.document(org.id(), march.id()).status()).isEqualTo(InvoiceStatus.VOID);
    assertThat(html(get(page + "?lang=zh-CN"), 200)).contains("已作废").contains("已经作废");
    MockHttpServletResponse tenantAdmin = mvc.perform(get(page).with(user(accounts.loadUserByUsername(org.admin()))))
        .andReturn().getResponse();
    assertThat(tenantAdmin.getStatus()).isEqualTo(403);
    assertThat(html(get("/operator/organisations/" + UUID.randomUUID() + "/invoices/" + march.id()), 404)).doesNotContain(march.number());
  }

  private InvoiceDocument only(Given org, LocalDate date, Kind kind) {
    return billing.documents(org.id(), InvoiceFilter.NONE, PageRequest.FIRST).items().stream()
        .filter(d -> d.issueDate().equals(date) && d.kind() == kind).findFirst().orElseThrow();
  }

  private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
    return request.accept(MediaType.APPLICATION_JSON).with(user(accounts.loadUserByUsername(username)));
  }

  private MockHttpServletResponse postJson(String path, String username, String json) throws Exception {
    return mvc.perform(as(username, post(path).contentType(MediaType.APPLICATION_JSON).content(json)))
        .andReturn().getResponse();
  }

  private String api(String url, String username, int status) throws Exception {
    return body(mvc.perform(as(username, get(url))).andReturn().getResponse(), status);
  }

  private String html(MockHttpServletRequestBuilder request, int status) throws Exception {
    return body(mvc.perform(request.with(user(accounts.loadUserByUsername(operator)))).andReturn().getResponse(), status);
  }

  private static String body(MockHttpServletResponse response, int status) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }
}
