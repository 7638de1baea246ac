package org.billingcenter.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceDocument.Line;
import org.billingcenter.billingprofile.BillingProfile;
import org.jspecify.annotations.Nullable;

/**
 * A document as the template prints it: every date, amount and country already written in the
 * invoice language ({@link DocumentFormats}), every label a message key the template resolves.
 * {@code number} is null for a draft (not yet finalised): the template says so instead.
 */
public record PrintedDocument(
    String titleKey,
    @Nullable String number,
    String id,
    String statusKey,
    String issueDate,
    String dueDate,
    String currency,
    List<String> seller,
    @Nullable String sellerVatId,
    @Nullable String sellerEmail,
    List<String> buyer,
    @Nullable String buyerTaxId,
    @Nullable String purchaseOrder,
    List<PrintedLine> lines,
    String charged,
    String credited,
    String refunded,
    String totalKey,
    String total,
    boolean creditNote) {

  /** One numbered line; {@code quantity} null where the line has no quantity × unit price. */
  public record PrintedLine(int no, String kindKey, @Nullable String sourceKey, String product, @Nullable String planKey,
      @Nullable String subscription, String period, @Nullable Integer quantity, String unitPrice, String amount,
      // Issue 18 accounting: begin
      @Nullable String appliedTo
      // Issue 18 accounting: end
  ) {}

  static PrintedDocument of(InvoiceDocument doc, BillingProfile buyer, InvoiceIssuer issuer, DocumentFormats f) {
    boolean credit = doc.kind() == InvoiceDocument.Kind.CREDIT_NOTE;
    return new PrintedDocument(
        credit ? "document.title.credit-note" : "document.title.invoice",
        doc.number(),
        doc.id().toString(),
        "document.status." + doc.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        f.date(doc.issueDate()),
        f.date(doc.dueDate()),
        doc.currency().getCurrencyCode(),
        address(issuer.name(), issuer.addressLine1(), issuer.addressLine2(), issuer.postalCode(), issuer.city(), null,
            f.country(issuer.country())),
        issuer.vatId(),
        issuer.email(),
        address(buyer.legalName(), buyer.addressLine1(), buyer.addressLine2(), buyer.postalCode(), buyer.city(),
            buyer.region(), f.country(buyer.country())),
        buyer.taxId(),
        buyer.purchaseOrder(),
        doc.lines().stream().map(l -> line(l, f)).toList(),
        f.money(doc.charged()),
        f.money(doc.credited()),
        f.money(doc.refunded()),
        credit ? "document.total.credited" : "document.total.due",
        f.money(doc.total()),
        credit);
  }

  private static PrintedLine line(Line l, DocumentFormats f) {
    String kind = "document.line-kind." + l.kind().name().toLowerCase(Locale.ROOT);
    String source = l.source() == null ? null : "document.source." + l.source().name().toLowerCase(Locale.ROOT).replace('_', '-');
    // The plan as people name it (Monthly, Annual), in the invoice language; its id means nothing to them.
    String plan = l.frequency() == null ? null : "plan.frequency." + l.frequency().name();
    return new PrintedLine(l.lineNo(), kind, source, l.productName() == null ? "" : l.productName(), plan,
        l.subscription() == null ? null : l.subscription().toString(), f.period(l.periodStart(), l.periodEndExclusive()),
        l.unitPrice() == null ? null : l.quantity(), f.money(l.unitPrice()), f.money(l.amount()),
        l.appliedTo()); // Issue 18 accounting
  }

  /** The address block's lines, blanks left out; postal code and city on one line as most of Europe writes them. */
  static List<String> address(@Nullable String name, @Nullable String line1, @Nullable String line2,
      @Nullable String postalCode, @Nullable String city, @Nullable String region, String country) {
    List<String> lines = new ArrayList<>();
    String town = String.join(" ", Stream.of(postalCode, city).filter(PrintedDocument::present).toList());
    Stream.of(name, line1, line2, town, region, country).filter(PrintedDocument::present).forEach(lines::add);
    return List.copyOf(lines);
  }

  private static boolean present(@Nullable String s) {
    return s != null && !s.isBlank();
  }
}
