package org.billingcenter.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceDocument.Line;
import org.billingcenter.billing.InvoiceStatus;
import org.billingcenter.billingprofile.BillingProfile;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.billingcenter.web.IcuMessageSource;

/** Documents, buyers and a renderer without the application: for the unit tests and the benchmark. */
public final class SampleDocuments {

  public static final InvoiceIssuer ISSUER = new InvoiceIssuer("Billing Center Demo Operator Ltd", "1 Example Street",
      null, "1000", "Brussels", "BE", "BE0123456749", "billing@example.com");

  private SampleDocuments() {}

  /** The renderer as the application builds it (the application's ICU message bundles). */
  public static InvoicePdf renderer() {
    IcuMessageSource messages = new IcuMessageSource();
    messages.setBasenames("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new InvoicePdf(messages, ISSUER);
  }

  public static BillingProfile buyer(Locale language, String country) {
    return new BillingProfile(new TenantId(UUID.nameUUIDFromBytes(country.getBytes())), "Alder Studio Ltd",
        "12 Harbour Road", "Unit 4", "D02 X285", "Dublin", null, country, "IE1234567T", "PO-7781", language, true, false);
  }

  /** A finalised invoice of {@code lines} charges of 12.50 EUR × (n + 1), numbered INV-2026-000123. */
  public static InvoiceDocument invoice(int lines) {
    List<Line> all = new ArrayList<>();
    long charged = 0;
    for (int n = 1; n <= lines; n++) {
      Money unit = Money.of(1250, "EUR");
      Money amount = unit.times(n);
      charged += amount.minor();
      all.add(new Line(n, InvoiceDocument.LineKind.CHARGE, InvoiceDocument.Source.RENEWAL,
          UUID.nameUUIDFromBytes(("s" + n).getBytes()), "Beacon Workspace", "beacon-monthly-eur", BillingFrequency.MONTHLY,
          LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10), n, unit, amount));
    }
    Money zero = Money.zero(Currency.getInstance("EUR"));
    return new InvoiceDocument(new TenantId(UUID.nameUUIDFromBytes("t".getBytes())), UUID.nameUUIDFromBytes("i".getBytes()),
        InvoiceDocument.Kind.INVOICE, "INV-2026-000123", InvoiceStatus.OPEN, LocalDate.of(2026, 3, 10),
        LocalDate.of(2026, 3, 24), Currency.getInstance("EUR"), all, Money.of(charged, "EUR"), zero, zero,
        Money.of(charged, "EUR"), Instant.parse("2026-03-10T10:00:00Z"));
  }
}
