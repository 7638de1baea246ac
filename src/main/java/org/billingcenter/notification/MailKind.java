package org.billingcenter.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.billingcenter.outbox.EventType;

/**
 * The mails there are, each told by one event. Optional ones an admin may turn off for himself;
 * the others (money, access ending, data deleted) always go. Only Global admins hear of a webhook
 * endpoint turned off: they own the endpoints.
 */
public enum MailKind {
  TRIAL_WILL_END(EventType.TRIAL_WILL_END, true),
  TRIAL_CONVERTED(EventType.TRIAL_CONVERTED, true),
  TRIAL_EXPIRED(EventType.TRIAL_EXPIRED, false),
  SUBSCRIPTION_CANCELLED(EventType.SUBSCRIPTION_CANCELLED, false),
  CREDIT_RETURNED(EventType.CREDIT_APPLIED, false),
  REFUND_ISSUED(EventType.REFUND_CREATED, false),
  INVOICE_ISSUED(EventType.INVOICE_FINALIZED, true),
  CALLBACK_RECEIVED(EventType.CALLBACK_REQUEST_CREATED, true),
  CALLBACK_CLAIMED(EventType.CALLBACK_REQUEST_CLAIMED, true),
  CALLBACK_COMPLETED(EventType.CALLBACK_REQUEST_COMPLETED, true),
  /** Issue 17: what support did for the organisation; never optional (a change nobody there made). */
  SUPPORT_ASSISTED_ACTION(EventType.SUPPORT_ASSISTED_ACTION, false),
  SUBSCRIPTION_EXPIRED(EventType.SUBSCRIPTION_EXPIRED, false),
  SUBSCRIPTION_DISABLED(EventType.SUBSCRIPTION_DISABLED, false),
  SUBSCRIPTION_DELETED(EventType.SUBSCRIPTION_DELETED, false),
  WEBHOOK_ENDPOINT_DISABLED(EventType.WEBHOOK_ENDPOINT_DISABLED, false),
  // Issue 18 mails: begin (money not collected, and money recovered: never optional)
  /** Every declined attempt: the amount, why in plain words, the next try or that there is none. */
  PAYMENT_FAILED(EventType.PAYMENT_FAILED, false),
  /** A receipt for money recovered (a retry or a payment of the balance); see {@link MailComposer#mails}. */
  PAYMENT_RECEIPT(EventType.PAYMENT_SUCCEEDED, false),
  // Issue 18 mails: end
  // --- Issue 15 (admins): personal mails with a single-use link ---
  INVITATION(EventType.ADMIN_INVITED, false),
  PASSWORD_RESET(EventType.PASSWORD_RESET_REQUESTED, false);

  private final EventType event;
  private final boolean optional;

  MailKind(EventType event, boolean optional) {
    this.event = event;
    this.optional = optional;
  }

  public EventType event() {
    return event;
  }

  public boolean optional() {
    return optional;
  }

  /** Global admins only; no Billing admin, no additional recipient. */
  public boolean globalAdminsOnly() {
    return this == WEBHOOK_ENDPOINT_DISABLED;
  }

  /**
   * Issue 15: a mail to the one address its event names (an invitee, a person resetting his
   * password), not to the organisation's admins and recipients; it carries a single-use link, so
   * the copy kept in the sent mails has the link's token redacted.
   */
  public boolean personal() {
    return event.internal();
  }

  /** The part of its message keys: {@code notification.mail.<key>.subject}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<MailKind> of(EventType event) {
    return Arrays.stream(values()).filter(k -> k.event == event).findFirst();
  }
}
