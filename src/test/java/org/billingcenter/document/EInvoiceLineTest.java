package org.billingcenter.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceDocument.Kind;
import org.billingcenter.billing.InvoiceDocument.Line;
import org.billingcenter.billing.InvoiceDocument.LineKind;
import org.billingcenter.billing.InvoiceStatus;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a document line becomes an EN 16931 line: the price never negative, the sign in the quantity. */
class EInvoiceLineTest {

  static Line line(String kind, Integer quantity, Long unitPrice, long amount, String currency) {
    return new Line(1, LineKind.valueOf(kind), null, null, "Office Suite", "office", null, null, null, quantity,
        unitPrice == null ? null : Money.of(unitPrice, currency), Money.of(amount, currency));
  }

  @ParameterizedTest(name = "{0} {1}: {2} × {3} = {4} {5} → {6} × {7} = {8}")
  @CsvSource(nullValues = "-", textBlock = """
      # document,  kind,       qty, price, amount, cur, e-qty, e-price, e-total
      INVOICE,     CHARGE,     3,   1250,  3750,   EUR, 3,     12.50,   37.50
      INVOICE,     CHARGE,     3,   1250,  3750,   JPY, 3,     1250,    3750
      INVOICE,     CHARGE,     1,   999,   999,    BHD, 1,     0.999,   0.999
      INVOICE,     ADJUSTMENT, 5,   1250,  1048,   EUR, 1,     10.48,   10.48
      INVOICE,     CREDIT,     2,   400,   -800,   EUR, -2,    4.00,    -8.00
      INVOICE,     CREDIT,     2,   400,   -222,   EUR, -1,    2.22,    -2.22
      INVOICE,     REFUND,     -,   -,     5000,   EUR, 1,     50.00,   50.00
      INVOICE,     CHARGE,     0,   1250,  0,      EUR, 1,     0.00,    0.00
      INVOICE,     CHARGE,     -,   -,     0,      EUR, 1,     0.00,    0.00
      CREDIT_NOTE, CREDIT,     3,   1250,  -2661,  EUR, 1,     26.61,   26.61
      CREDIT_NOTE, CREDIT,     3,   1250,  -3750,  EUR, 3,     12.50,   37.50
      CREDIT_NOTE, ADJUSTMENT, -,   -,     500,    EUR, -1,    5.00,    -5.00
      """)
  void a_line_keeps_its_terms_where_they_give_its_amount_else_it_is_one_unit_at_the_amount(
      Kind document, String kind, Integer quantity, Long price, long amount, String currency,
      String expectedQuantity, String expectedPrice, String expectedTotal) {
    EInvoiceLine mapped = EInvoiceLine.of(line(kind, quantity, price, amount, currency), document).orElseThrow();

    assertThat(mapped.quantity()).isEqualByComparingTo(expectedQuantity);
    assertThat(mapped.unitPrice()).isEqualTo(new BigDecimal(expectedPrice));
    assertThat(mapped.lineTotal()).isEqualTo(new BigDecimal(expectedTotal));
    assertThat(mapped.unitPrice().signum()).isNotNegative();
    assertThat(mapped.quantity().multiply(mapped.unitPrice())).isEqualByComparingTo(mapped.lineTotal());
  }

  @ParameterizedTest(name = "{0}: refund lines are lines: {1}")
  @CsvSource(textBlock = """
      INVOICE,     true
      CREDIT_NOTE, false
      """)
  void a_refund_is_a_line_of_an_invoice_but_the_paid_amount_of_a_credit_note(Kind document, boolean isLine) {
    assertThat(EInvoiceLine.of(line("REFUND", null, null, 2000, "EUR"), document).isPresent()).isEqualTo(isLine);
  }

  @ParameterizedTest(name = "refund lines {0} and refunded {1} → paid {2}")
  @CsvSource(textBlock = """
      2000, 0,    2000
      0,    1500, 1500
      0,    0,    0
      """)
  void what_a_credit_note_paid_back_comes_from_its_refund_lines_else_from_the_document(
      long refundLine, long refunded, long paid) {
    List<Line> lines = refundLine == 0
        ? List.of(line("CREDIT", null, null, -2661, "EUR"))
        : List.of(line("CREDIT", null, null, -2661, "EUR"), line("REFUND", null, null, refundLine, "EUR"));
    Money zero = Money.of(0, "EUR");
    InvoiceDocument note = new InvoiceDocument(new TenantId(UUID.randomUUID()), UUID.randomUUID(), Kind.CREDIT_NOTE,
        "CN-1", InvoiceStatus.OPEN, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1), Currency.getInstance("EUR"),
        lines, zero, Money.of(2661, "EUR"), Money.of(refunded, "EUR"), Money.of(2661, "EUR"), null);

    assertThat(EInvoiceLine.refunded(note)).isEqualTo(Money.of(paid, "EUR"));
  }
}
