package org.billingcenter.billing;

import java.time.LocalDate;

/**
 * When an invoice is due: its date plus {@code days} (setting {@code billing-center.invoices.payment-terms},
 * default 0: card payments are collected on the invoice date).
 */
public record PaymentTerms(int days) {

  public PaymentTerms {
    if (days < 0 || days > 365) {
      throw new IllegalArgumentException("payment terms are 0 to 365 days: " + days);
    }
  }

  public LocalDate dueDate(LocalDate invoiceDate) {
    return invoiceDate.plusDays(days);
  }
}
