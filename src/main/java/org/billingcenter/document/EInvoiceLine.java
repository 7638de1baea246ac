package org.billingcenter.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.shared.Money;

/**
 * One invoice line as EN 16931 wants it: quantity × net unit price = line net amount, the price
 * never negative (BR-27), so the sign of a line lives in its quantity.
 *
 * <p>On an invoice (type 380) a credit is a negative line, which EN 16931 allows. A credit note
 * (type 381) states what it credits as positive amounts, so its lines are negated; its refund lines
 * are not lines at all but the money already paid back (BT-113, see {@link #refunded}), leaving
 * the amount due at what was not refunded. Where quantity × unit price does not give the amount (a
 * prorated credit or charge), the line is one unit at the amount: the document's own quantity and
 * price stay in the line's description.
 */
public record EInvoiceLine(BigDecimal quantity, BigDecimal unitPrice, BigDecimal lineTotal) {

  /** The line as EN 16931 states it, or empty where it is not a line of that document (a credit note's refund). */
  public static Optional<EInvoiceLine> of(InvoiceDocument.Line line, InvoiceDocument.Kind kind) {
    boolean creditNote = kind == InvoiceDocument.Kind.CREDIT_NOTE;
    if (creditNote && line.kind() == InvoiceDocument.LineKind.REFUND) {
      return Optional.empty();
    }
    Money amount = creditNote ? line.amount().negate() : line.amount();
    long sign = amount.minor() < 0 ? -1 : 1;
    Money magnitude = amount.minor() < 0 ? amount.negate() : amount;
    if (priceTimesQuantityIsTheAmount(line, magnitude)) {
      return Optional.of(new EInvoiceLine(
          BigDecimal.valueOf(sign * line.quantity()), decimal(line.unitPrice()), decimal(amount)));
    }
    return Optional.of(new EInvoiceLine(BigDecimal.valueOf(sign), decimal(magnitude), decimal(amount)));
  }

  /**
   * What a credit note's refund lines paid back to the payment method (its BT-113 "paid amount"), or
   * the document's {@code refunded} where it carries no refund line.
   */
  public static Money refunded(InvoiceDocument document) {
    Money fromLines = document.lines().stream()
        .filter(l -> l.kind() == InvoiceDocument.LineKind.REFUND)
        .map(InvoiceDocument.Line::amount)
        .reduce(Money.zero(document.currency()), Money::plus);
    return fromLines.isZero() ? document.refunded() : fromLines;
  }

  /** Minor units as a decimal with the currency's own fraction digits: 12345 EUR is 123.45, 500 JPY is 500. */
  public static BigDecimal decimal(Money money) {
    return BigDecimal.valueOf(money.minor(), money.currency().getDefaultFractionDigits());
  }

  private static boolean priceTimesQuantityIsTheAmount(InvoiceDocument.Line line, Money magnitude) {
    Integer quantity = line.quantity();
    Money price = line.unitPrice();
    return quantity != null && quantity > 0 && price != null && price.minor() >= 0
        && price.currency().equals(magnitude.currency())
        && BigInteger.valueOf(price.minor()).multiply(BigInteger.valueOf(quantity))
            .equals(BigInteger.valueOf(magnitude.minor()));
  }
}
