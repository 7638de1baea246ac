package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.billingcenter.billing.InvoiceDocument.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceStatusTest {

  @ParameterizedTest(name = "{0} finalised={1} voided={2} owed={3} payment={4} refunds pending={5} failed={6} credited later={7} → {8}")
  @CsvSource(nullValues = "-", value = {
      // kind,      final, void,  owed, payment,            pend, fail, later, status
      "INVOICE,     false, false, 1000, -,                  0,    0,    false, OPEN",
      "INVOICE,     false, false, 1000, PENDING_SETTLEMENT, 0,    0,    true,  OPEN",
      "INVOICE,     true,  false, 1000, -,                  0,    0,    false, OPEN",
      "INVOICE,     true,  false, 1000, FAILED,             0,    0,    false, OPEN",
      "INVOICE,     true,  false, 1000, PENDING_SETTLEMENT, 0,    0,    false, PENDING_SETTLEMENT",
      "INVOICE,     true,  false, 1000, PENDING_SETTLEMENT, 0,    0,    true,  PENDING_SETTLEMENT",
      "INVOICE,     true,  false, 1000, SETTLED,            0,    0,    false, PAID",
      "INVOICE,     true,  false, 1000, SETTLED,            0,    0,    true,  PARTIALLY_CREDITED",
      "INVOICE,     true,  false, 0,    -,                  0,    0,    false, PAID",
      "INVOICE,     true,  false, -500, -,                  1,    0,    false, PAID",
      "INVOICE,     true,  false, 0,    -,                  0,    0,    true,  PARTIALLY_CREDITED",
      "INVOICE,     true,  true,  1000, -,                  0,    0,    false, VOID",
      "CREDIT_NOTE, false, false, 0,    -,                  0,    0,    false, OPEN",
      "CREDIT_NOTE, true,  false, 0,    -,                  1,    0,    false, PENDING_SETTLEMENT",
      "CREDIT_NOTE, true,  false, 0,    -,                  0,    0,    false, PAID",
      "CREDIT_NOTE, true,  false, 0,    -,                  1,    1,    false, OPEN",
  })
  void a_status_follows_finalisation_then_the_money(Kind kind, boolean finalised, boolean voided, long owed,
      String payment, int pending, int failed, boolean later, InvoiceStatus expected) {
    assertThat(InvoiceStatus.of(new InvoiceStatus.Facts(kind, finalised, voided, owed, payment, pending, failed, later)))
        .isEqualTo(expected);
  }
}
