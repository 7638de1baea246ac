package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.billing.InvoiceDocument.Kind;
import org.billingcenter.billing.InvoiceDocument.LineKind;
import org.billingcenter.billing.InvoiceDocument.Source;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.licensing.QuantityChangeService;
import org.billingcenter.licensing.QuantityChangeWhen;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Invoices as documents (issue 16): every line names its product, plan and source; a credit note
 * totals what it credits; statuses follow the money; the pages show number, product and status in
 * French and Traditional Chinese; the API answers the same and filters by status and number.
 */
class InvoiceDocumentIT extends DatabaseIT {

  @Autowired BillingService billing;
  @Autowired BillingRunService runs;
  @Autowired CancellationService cancellations;
  @Autowired QuantityChangeService quantities;
  @Autowired AccountService accounts;
  @Autowired JdbcClient jdbc;

  private static final LocalDate MARCH = LocalDate.of(2026, 3, 10);
  private static final LocalDate APRIL = LocalDate.of(2026, 4, 10);

  private void cancelNow(Given org, Subscription s) {
    cancellations.cancel(org.id(), s.id(), BillingRunIT.ADMIN,
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
  }

  private InvoiceDocument only(Given org, LocalDate date, Kind kind) {
    return billing.documents(org.id(), InvoiceFilter.NONE, PageRequest.FIRST).items().stream()
        .filter(d -> d.issueDate().equals(date) && d.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void every_line_names_its_product_and_source_and_statuses_follow_the_money() throws Exception {
    Given org = tenants.tenant(0);
    Subscription kept = tenants.subscription(org, 2, 0);
    Subscription left = tenants.subscription(org, 1, 0);
    Given other = tenants.tenant(0);
    Subscription gone = tenants.subscription(other, 3, 0);
    runs.run(MARCH);

    // The run of the purchase's own day issues its invoice: numbered and collected.
    InvoiceDocument march = only(org, MARCH, Kind.INVOICE);
    String marchNumber = march.number();
    assertThat(marchNumber).startsWith("INV-2026-");
    assertThat(march.status()).isEqualTo(InvoiceStatus.PENDING_SETTLEMENT); // the collection awaits the provider
    assertThat(march.dueDate()).isEqualTo(MARCH); // payment terms 0 days
    assertThat(march.lines()).extracting(InvoiceDocument.Line::source).containsOnly(Source.PURCHASE);
    assertThat(march.lines()).extracting(InvoiceDocument.Line::productName).containsOnly("Test Product");
    assertThat(march.lines()).extracting(InvoiceDocument.Line::planId).containsOnly(TestPlans.MONTHLY);
    assertThat(march.charged()).isEqualTo(Money.of(3000, "EUR"));
    assertThat(march.total()).isEqualTo(Money.of(3000, "EUR"));

    clock.set(START.plus(Duration.ofDays(3)));
    quantities.change(org.id(), kept.id(), 4, QuantityChangeWhen.NOW, "admin", Set.of(Role.GLOBAL_ADMIN));
    cancelNow(org, left);
    cancelNow(other, gone);
    clock.set(START.plus(Duration.ofDays(31)));
    runs.run(APRIL);

    march = billing.document(org.id(), march.id());
    assertThat(march.number()).as("an issued invoice never changes").isEqualTo(marchNumber);
    assertThat(march.status()).isEqualTo(InvoiceStatus.PENDING_SETTLEMENT);
    InvoiceDocument april = only(org, APRIL, Kind.INVOICE);
    assertThat(april.lines()).extracting(InvoiceDocument.Line::kind, InvoiceDocument.Line::source).contains(
        tuple(LineKind.CHARGE, Source.RENEWAL),
        tuple(LineKind.ADJUSTMENT, Source.LICENSE_ADDITION),
        tuple(LineKind.CREDIT, Source.CANCELLATION));
    assertThat(april.credited().isPositive()).isTrue();
    assertThat(april.total()).isEqualTo(april.charged().minus(april.credited()).plus(april.refunded()));

    InvoiceDocument note = only(other, APRIL, Kind.CREDIT_NOTE);
    assertThat(note.number()).startsWith("CN-2026-");
    assertThat(note.total().isPositive()).as("a credit note totals what it credits").isTrue();
    assertThat(note.total()).isEqualTo(note.credited()).isEqualTo(note.refunded());
    assertThat(note.status()).isEqualTo(InvoiceStatus.PAID); // its refund was paid back by the provider
    assertThat(note.lines()).extracting(InvoiceDocument.Line::source).containsOnly(Source.CANCELLATION);

    jdbc.sql("update payment set status = 'SETTLED' where tenant_id = :t").param("t", org.id().value()).update();
    assertThat(billing.document(org.id(), march.id()).status())
        .as("a later credit returned part of a period it charged").isEqualTo(InvoiceStatus.PARTIALLY_CREDITED);
    assertThat(billing.document(org.id(), april.id()).status()).isEqualTo(InvoiceStatus.PAID);

    List<CreditEntry> credits = billing.creditEntries(org.id(), PageRequest.FIRST).items();
    assertThat(credits).singleElement().satisfies(c -> {
      assertThat(c.source()).isEqualTo(Source.CANCELLATION);
      assertThat(c.productName()).isEqualTo("Test Product");
      assertThat(c.returnedBy()).isEqualTo(april.id());
      assertThat(c.returnedByNumber()).isEqualTo(april.number());
    });

    pagesShowNumberProductAndStatus(org, march);
    apiAnswersDocuments(org, other, march, note);
  }

  private void pagesShowNumberProductAndStatus(Given org, InvoiceDocument march) throws Exception {
    String fr = html("/billing/invoices?lang=fr-FR", org.admin(), 200);
    assertThat(fr).contains(march.number()).contains("Test Product").contains("Partiellement créditée").contains("Payée");
    String zh = html("/billing/invoices?lang=zh-TW", org.admin(), 200);
    assertThat(zh).contains(march.number()).contains("Test Product").contains("部分折讓").contains("已付款");
    String details = html("/billing/invoices/" + march.id() + "?lang=zh-TW", org.admin(), 200);
    assertThat(details).contains(march.number()).contains("Test Product").contains("部分折讓").contains("購買")
        .contains("/billing/invoices/" + march.id() + "/pdf");
    assertThat(html("/billing/invoices/" + march.id() + "?lang=fr-FR", org.admin(), 200))
        .contains("Facture " + march.number()).contains("Achat");
    String filtered = html("/billing/invoices?status=PAID&lang=fr-FR", org.admin(), 200);
    assertThat(filtered).doesNotContain(march.number()).contains("data-status=\"PAID\"");
    assertThat(html("/billing/invoices?number=" + march.number().substring(4), org.admin(), 200)).contains(march.number());
    assertThat(html("/billing/invoices?status=LOST&lang=fr-FR", org.admin(), 400)).contains("Rien n’a été modifié");
  }

  private void apiAnswersDocuments(Given org, Given other, InvoiceDocument march, InvoiceDocument note) throws Exception {
    String one = api("/api/v1/invoices/" + march.id(), org.admin(), 200);
    assertThat(one).contains("\"number\":\"" + march.number() + "\"").contains("\"status\":\"PARTIALLY_CREDITED\"")
        .contains("\"productName\":\"Test Product\"").contains("\"source\":\"PURCHASE\"").contains("\"dueDate\":\"2026-03-10\"");
    assertThat(api("/api/v1/invoices?status=PARTIALLY_CREDITED", org.admin(), 200))
        .contains(march.id().toString()).doesNotContain("\"status\":\"PAID\"");
    assertThat(api("/api/v1/invoices?number=" + march.number().toLowerCase(), org.admin(), 200)).contains(march.id().toString());
    assertThat(api("/api/v1/invoices?status=LOST", org.admin(), 422)).contains("INVOICE_FILTER_INVALID");
    assertThat(api("/api/v1/invoices?number=%25", org.admin(), 422)).contains("INVOICE_FILTER_INVALID");
    assertThat(api("/api/v1/invoices/" + note.id(), other.admin(), 200))
        .contains("\"kind\":\"CREDIT_NOTE\"").contains("\"total\":{\"amountMinor\":" + note.total().minor());
    assertThat(api("/api/v1/invoices/" + note.id(), org.admin(), 404)).doesNotContain(note.number());
    assertThat(api("/api/v1/credits", org.admin(), 200)).contains("\"source\":\"CANCELLATION\"")
        .contains("\"productName\":\"Test Product\"");
  }

  private String html(String url, String username, int status) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(url).with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(status);
    return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private String api(String url, String username, int status) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(url).accept(MediaType.APPLICATION_JSON)
        .with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(status);
    return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The monthly test plan's id. */
  private static final class TestPlans {
    static final String MONTHLY = org.billingcenter.testing.TestTenants.MONTHLY_PLAN;
  }
}
