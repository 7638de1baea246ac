package org.billingcenter.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceStatus;
import org.billingcenter.billingprofile.BillingProfile;
import org.junit.jupiter.api.Test;

/** The cache key covers everything printed; the cache holds at most its byte budget. */
class PdfCacheTest {

  static final InvoiceDocument DOC = SampleDocuments.invoice(2);
  static final BillingProfile BUYER = SampleDocuments.buyer(Locale.forLanguageTag("en"), "IE");
  static final String KEY = PdfCache.key(DOC, BUYER, SampleDocuments.ISSUER, "v1");

  @Test
  void the_key_changes_with_the_status_the_profile_the_language_the_issuer_and_the_template() {
    InvoiceDocument paid = new InvoiceDocument(DOC.tenant(), DOC.id(), DOC.kind(), DOC.number(), InvoiceStatus.PAID,
        DOC.issueDate(), DOC.dueDate(), DOC.currency(), DOC.lines(), DOC.charged(), DOC.credited(), DOC.refunded(),
        DOC.total(), DOC.finalizedAt());
    BillingProfile moved = new BillingProfile(BUYER.tenant(), BUYER.legalName(), "13 Harbour Road", BUYER.addressLine2(),
        BUYER.postalCode(), BUYER.city(), BUYER.region(), BUYER.country(), BUYER.taxId(), BUYER.purchaseOrder(),
        BUYER.invoiceLanguage(), BUYER.attachPdf(), BUYER.electronicInvoice());
    InvoiceIssuer renamed = new InvoiceIssuer("Other Ltd", "1 Example Street", null, "1000", "Brussels", "BE", null, null);
    assertThat(PdfCache.key(DOC, BUYER, SampleDocuments.ISSUER, "v1")).isEqualTo(KEY);
    assertThat(PdfCache.key(paid, BUYER, SampleDocuments.ISSUER, "v1")).isNotEqualTo(KEY);
    assertThat(PdfCache.key(DOC, moved, SampleDocuments.ISSUER, "v1")).isNotEqualTo(KEY);
    assertThat(PdfCache.key(DOC, SampleDocuments.buyer(Locale.TAIWAN, "IE"), SampleDocuments.ISSUER, "v1")).isNotEqualTo(KEY);
    assertThat(PdfCache.key(DOC, BUYER, renamed, "v1")).isNotEqualTo(KEY);
    assertThat(PdfCache.key(DOC, BUYER, SampleDocuments.ISSUER, "v2")).isNotEqualTo(KEY);
  }

  @Test
  void a_hit_does_not_render_and_the_oldest_goes_when_the_budget_is_spent() {
    PdfCache cache = new PdfCache(250);
    AtomicInteger renders = new AtomicInteger();
    byte[] first = cache.get("a", () -> { renders.incrementAndGet(); return new byte[100]; });
    assertThat(cache.get("a", () -> { renders.incrementAndGet(); return new byte[100]; })).isSameAs(first);
    assertThat(renders).hasValue(1);
    cache.get("b", () -> new byte[100]);
    cache.get("c", () -> new byte[100]); // 300 > 250: "a" (least recently used) goes
    assertThat(cache.size()).isEqualTo(2);
    cache.get("a", () -> { renders.incrementAndGet(); return new byte[100]; });
    assertThat(renders).hasValue(2);
    assertThat(cache.get("huge", () -> new byte[1000])).hasSize(1000);
    assertThat(cache.size()).as("larger than the whole budget: served, not kept").isEqualTo(2);
  }
}
