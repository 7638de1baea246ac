/**
 * Payments that fail: every try to collect an invoice is a {@link org.billingcenter.payment.PaymentAttempt}
 * sent through the {@link org.billingcenter.payment.PaymentProvider} with a timeout and an
 * idempotency key; {@link org.billingcenter.payment.DunningSchedule} (pure) says when a declined
 * invoice is tried again and when it runs out; the organisation pays its overdue balance now; the
 * subscriptions nobody pays for expire (PAYMENT_FAILED) and come back when paid.
 */
package org.billingcenter.payment;
