package org.billingcenter.document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billingprofile.BillingProfile;
import org.jspecify.annotations.Nullable;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;

/**
 * An {@link InvoiceDocument} as Mustang's EN 16931 invoice: the operator as seller, the billing
 * profile as buyer (its purchase order as buyer reference and order reference), number, dates,
 * currency, payment terms, and one line per document line (see {@link EInvoiceLine}) under the VAT
 * treatment {@link EInvoiceVat#NOT_CHARGED}. Mustang computes the totals from the lines.
 */
final class FacturXInvoice {

  /** UN/ECE Recommendation 20 "one": a licence, a subscription period. */
  private static final String UNIT_ONE = "C62";

  /** Texts in the invoice language. */
  interface Texts {
    String get(String key, Object... args);
  }

  private final InvoiceIssuer issuer;
  private final Texts texts;
  private final Locale locale;

  FacturXInvoice(InvoiceIssuer issuer, Texts texts, Locale locale) {
    this.issuer = issuer;
    this.texts = texts;
    this.locale = locale;
  }

  Invoice of(InvoiceDocument document, BillingProfile buyer) {
    Invoice invoice = new Invoice()
        .setNumber(Objects.requireNonNull(document.number(), "a draft has no e-invoice"))
        .setIssueDate(date(document.issueDate()))
        .setDueDate(date(document.dueDate()))
        .setDeliveryDate(date(document.issueDate()))
        .setCurrency(document.currency().getCurrencyCode())
        .setSender(seller())
        .setRecipient(buyer(buyer))
        .setPaymentTermDescription(texts.get("facturx.payment-terms",
            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(document.dueDate())));
    if (buyer.purchaseOrder() != null && !buyer.purchaseOrder().isBlank()) {
      invoice.setReferenceNumber(buyer.purchaseOrder()).setBuyerOrderReferencedDocumentID(buyer.purchaseOrder());
    }
    if (document.kind() == InvoiceDocument.Kind.CREDIT_NOTE) {
      invoice.setCreditNote();
      invoice.setTotalPrepaidAmount(EInvoiceLine.decimal(EInvoiceLine.refunded(document)));
    }
    for (InvoiceDocument.Line line : document.lines()) {
      EInvoiceLine.of(line, document.kind()).ifPresent(l -> invoice.addItem(item(line, l)));
    }
    return invoice;
  }

  private TradeParty seller() {
    TradeParty seller = new TradeParty(issuer.name(), issuer.addressLine1(), issuer.postalCode(), issuer.city(),
        issuer.country());
    if (issuer.addressLine2() != null && !issuer.addressLine2().isBlank()) {
      seller.setAdditionalAddress(issuer.addressLine2());
    }
    seller.addVATID(issuer.vatId());
    if (issuer.email() != null && !issuer.email().isBlank()) {
      seller.setEmail(issuer.email());
    }
    return seller;
  }

  private static TradeParty buyer(BillingProfile profile) {
    TradeParty buyer = new TradeParty(profile.legalName(), blankToNull(profile.addressLine1()),
        blankToNull(profile.postalCode()), blankToNull(profile.city()), profile.country());
    if (profile.addressLine2() != null && !profile.addressLine2().isBlank()) {
      buyer.setAdditionalAddress(profile.addressLine2());
    }
    String taxId = blankToNull(profile.taxId());
    if (taxId != null && taxId.length() > 2 && Character.isLetter(taxId.charAt(0)) && Character.isLetter(taxId.charAt(1))) {
      buyer.addVATID(taxId); // BT-48: a VAT number carries its country prefix (BR-CO-09)
    } else if (taxId != null) {
      buyer.addTaxID(taxId); // BT-48 would be refused without a prefix: a tax registration number instead
    }
    return buyer;
  }

  private Item item(InvoiceDocument.Line line, EInvoiceLine terms) {
    EInvoiceVat vat = EInvoiceVat.NOT_CHARGED;
    Product product = new Product(name(line), "", UNIT_ONE, vat.ratePercent())
        .setTaxCategoryCode(vat.category())
        .setTaxExemptionReason(texts.get(vat.reasonKey()));
    if (line.planId() != null) {
      product.setSellerAssignedID(line.planId());
    }
    Item item = new Item(product, terms.unitPrice(), terms.quantity()).setId(String.valueOf(line.lineNo()));
    if (line.periodStart() != null && line.periodEndExclusive() != null) {
      item.setDetailedDeliveryPeriod(date(line.periodStart()), date(line.periodEndExclusive().minusDays(1)));
    }
    String note = note(line, terms);
    if (note != null) {
      item.addNote(note); // EN 16931 allows one line note (BT-127)
    }
    return item;
  }

  /** The subscription, and the document's quantity × price where the line is one unit at its amount. */
  private @Nullable String note(InvoiceDocument.Line line, EInvoiceLine terms) {
    boolean ownTerms = line.quantity() != null && line.unitPrice() != null
        && (terms.quantity().abs().intValue() != line.quantity()
            || terms.unitPrice().compareTo(EInvoiceLine.decimal(line.unitPrice())) != 0);
    String price = ownTerms ? EInvoiceLine.decimal(line.unitPrice()).toPlainString() + " " + currencyCode(line) : null;
    if (line.subscription() != null) {
      return ownTerms
          ? texts.get("facturx.line.subscription-terms", line.subscription().toString(), line.quantity(), price)
          : texts.get("facturx.line.subscription", line.subscription().toString());
    }
    return ownTerms ? texts.get("facturx.line.terms", line.quantity(), price) : null;
  }

  private static String currencyCode(InvoiceDocument.Line line) {
    return line.amount().currency().getCurrencyCode();
  }

  private String name(InvoiceDocument.Line line) {
    String product = line.productName() != null ? line.productName()
        : line.planId() != null ? line.planId() : texts.get("facturx.line.service");
    return switch (line.kind()) {
      case CHARGE -> product;
      case ADJUSTMENT -> texts.get("facturx.line.adjustment", product);
      case CREDIT -> texts.get("facturx.line.credit", product);
      case REFUND -> texts.get("facturx.line.refund");
    };
  }

  /** Noon in the JVM's zone: Mustang writes java.util.Date as yyyyMMdd in that zone, so the day stays the day. */
  private static Date date(LocalDate day) {
    return Date.from(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
