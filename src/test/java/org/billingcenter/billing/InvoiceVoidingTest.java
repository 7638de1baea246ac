package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.billingcenter.billing.InvoiceDocument.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which invoices the operator may void: every kind × issued × status. */
class InvoiceVoidingTest {

  @ParameterizedTest(name = "{0}, issued={1}, {2} -> {3}")
  @CsvSource({
      "INVOICE,     true,  OPEN,               ",
      "INVOICE,     true,  PENDING_SETTLEMENT, ",
      "INVOICE,     true,  PAID,               INVOICE_VOID_PAID",
      "INVOICE,     true,  PARTIALLY_CREDITED, INVOICE_VOID_PAID",
      "INVOICE,     true,  VOID,               INVOICE_ALREADY_VOID",
      "INVOICE,     false, OPEN,               INVOICE_VOID_NOT_ISSUED",
      "INVOICE,     false, VOID,               INVOICE_ALREADY_VOID",
      "CREDIT_NOTE, true,  OPEN,               INVOICE_VOID_CREDIT_NOTE",
      "CREDIT_NOTE, true,  PENDING_SETTLEMENT, INVOICE_VOID_CREDIT_NOTE",
      "CREDIT_NOTE, true,  PAID,               INVOICE_VOID_CREDIT_NOTE",
      "CREDIT_NOTE, false, OPEN,               INVOICE_VOID_CREDIT_NOTE",
  })
  void only_an_issued_unpaid_invoice_may_be_voided(Kind kind, boolean issued, InvoiceStatus status, BillingReason expected) {
    assertThat(InvoiceVoiding.refusal(kind, issued, status)).isEqualTo(Optional.ofNullable(expected));
  }
}
