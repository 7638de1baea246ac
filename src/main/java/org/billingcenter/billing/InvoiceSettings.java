package org.billingcenter.billing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Issue 16 (billing): the operator's numbering and payment-terms settings, checked at start-up. */
@Configuration(proxyBeanMethods = false)
class InvoiceSettings {

  @Bean
  InvoiceNumbering invoiceNumbering(
      @Value("${billing-center.invoices.numbering.invoice-prefix:INV}") String invoicePrefix,
      @Value("${billing-center.invoices.numbering.credit-note-prefix:CN}") String creditNotePrefix,
      @Value("${billing-center.invoices.numbering.yearly-reset:true}") boolean yearlyReset) {
    return new InvoiceNumbering(invoicePrefix, creditNotePrefix, yearlyReset);
  }

  @Bean
  PaymentTerms paymentTerms(@Value("${billing-center.invoices.payment-terms:0}") int days) {
    return new PaymentTerms(days);
  }
}
