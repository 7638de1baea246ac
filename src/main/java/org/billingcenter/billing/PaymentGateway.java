package org.billingcenter.billing;

import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;

/**
 * Where charges and refunds go: {@link #collect} and {@link #refund} queue them in the run's
 * transactions, {@link #dispatch} (after the run's last batch) has the payment module send them
 * to the payment provider (issue 18), each with an idempotency key, a timeout and its outcome recorded.
 */
public interface PaymentGateway {

  record Collection(TenantId tenant, UUID invoice, PaymentMethodId method, Money amount) {}

  record Refund(TenantId tenant, UUID invoice, UUID credit, PaymentMethodId method, Money amount) {}

  /** Joins the caller's transaction: the invoice and its collection commit together. */
  void collect(List<Collection> collections);

  /** Joins the caller's transaction: the refunds are written with the credits that make them. */
  void refund(List<Refund> refunds);

  /**
   * Sends what was queued and committed. The billing run calls it once after its batches (also
   * after a failed one: what committed is sent); it may return before the provider answered.
   */
  void dispatch();

  /**
   * Withdraws the invoice's collection if it is still pending settlement (the invoice was voided);
   * joins the caller's transaction. A settled collection is not touched.
   */
  void withdraw(TenantId tenant, UUID invoice);
}
