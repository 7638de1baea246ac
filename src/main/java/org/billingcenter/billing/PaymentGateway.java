package org.billingcenter.billing;

import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;

/**
 * Where charges and refunds go: the payment module sends them to the payment provider once the
 * caller's transaction committed (issue 18), each with an idempotency key, a timeout and its
 * outcome recorded.
 */
public interface PaymentGateway {

  record Collection(TenantId tenant, UUID invoice, PaymentMethodId method, Money amount) {}

  record Refund(TenantId tenant, UUID invoice, UUID credit, PaymentMethodId method, Money amount) {}

  /** Joins the caller's transaction: the invoice and its collection commit together. */
  void collect(List<Collection> collections);

  /** Joins the caller's transaction: the refunds are written with the credits that make them. */
  void refund(List<Refund> refunds);

  /**
   * Withdraws the invoice's collection if it is still pending settlement (the invoice was voided);
   * joins the caller's transaction. A settled collection is not touched.
   */
  void withdraw(TenantId tenant, UUID invoice);
}
