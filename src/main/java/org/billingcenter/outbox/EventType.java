package org.billingcenter.outbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event catalogue (docs/EVENTS.md shows each one's {@code data} with an example). The wire name
 * is what webhooks carry and endpoints subscribe to; {@link #VERSION} is the payload version every
 * envelope states: fields are only ever added within a version.
 */
public enum EventType {
  SUBSCRIPTION_CREATED("subscription.created"),
  SUBSCRIPTION_UPDATED("subscription.updated"),
  SUBSCRIPTION_CANCELLATION_SCHEDULED("subscription.cancellation_scheduled"),
  SUBSCRIPTION_CANCELLED("subscription.cancelled"),
  SUBSCRIPTION_REACTIVATED("subscription.reactivated"),
  SUBSCRIPTION_EXPIRED("subscription.expired"),
  SUBSCRIPTION_DISABLED("subscription.disabled"),
  SUBSCRIPTION_DELETED("subscription.deleted"),
  TRIAL_WILL_END("trial.will_end"),
  TRIAL_CONVERTED("trial.converted"),
  TRIAL_EXPIRED("trial.expired"),
  INVOICE_FINALIZED("invoice.finalized"),
  /** Issue 16: the operator voided an issued invoice nobody had paid. */
  INVOICE_VOIDED("invoice.voided"),
  /** Issue 18: an attempt took the money ({@code recovered}: a dunning retry or a payment of the balance). */
  PAYMENT_SUCCEEDED("payment.succeeded"),
  /** Issue 18: the provider declined an attempt to collect an invoice. */
  PAYMENT_FAILED("payment.failed"),
  CREDIT_CREATED("credit.created"),
  CREDIT_APPLIED("credit.applied"),
  REFUND_CREATED("refund.created"),
  /** Issue 18: the payment provider paid the refund back to the card. */
  REFUND_SETTLED("refund.settled"),
  /** Issue 18: the payment provider refused the refund; the money is still owed to the organisation. */
  REFUND_FAILED("refund.failed"),
  CALLBACK_REQUEST_CREATED("callback_request.created"),
  CALLBACK_REQUEST_CLAIMED("callback_request.claimed"),
  CALLBACK_REQUEST_COMPLETED("callback_request.completed"),
  CALLBACK_REQUEST_WITHDRAWN("callback_request.withdrawn"),
  /**
   * Issue 17: a support engineer acted for the organisation (licenses removed, cancelled) with an
   * override reason, no claimed callback request on file; its mail always goes.
   */
  SUPPORT_ASSISTED_ACTION("support.assisted_action"),
  /** An organisation's webhook endpoint failed for days and was turned off (its Global admins are told). */
  WEBHOOK_ENDPOINT_DISABLED("webhook_endpoint.disabled"),
  // --- Issue 15 (admins): internal events, they carry a single-use link's token ---
  /** An admin was invited: the invitation mail to the invitee's address. Internal: never a webhook. */
  ADMIN_INVITED("admin.invited", true),
  /** Someone asked to reset an account's password: the mail with the link. Internal: never a webhook. */
  PASSWORD_RESET_REQUESTED("account.password_reset_requested", true);

  /** The payload version of every event type today. */
  public static final String VERSION = "2026-12-01";

  private final String wireName;
  private final boolean internal;

  EventType(String wireName) {
    this(wireName, false);
  }

  EventType(String wireName, boolean internal) {
    this.wireName = wireName;
    this.internal = internal;
  }

  /**
   * Internal events carry secrets (a single-use link's token) for the mail channel only: they never
   * go to a webhook, no endpoint can subscribe to them, and docs/EVENTS.md lists them apart.
   */
  public boolean internal() {
    return internal;
  }

  /** The types endpoints may subscribe to: every one that is not internal. */
  public static java.util.List<EventType> published() {
    return Arrays.stream(values()).filter(t -> !t.internal).toList();
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EventType> ofWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
