package org.billingcenter.billing;

/**
 * Where an invoice stands: OPEN until paid (drafts before finalisation included), PENDING_SETTLEMENT
 * while the payment provider has not confirmed the collection, PAID, PARTIALLY_CREDITED once a later
 * credit returned part of what it charged, VOID when it was cancelled before it was paid.
 */
public enum InvoiceStatus { OPEN, PENDING_SETTLEMENT, PAID, PARTIALLY_CREDITED, VOID }
