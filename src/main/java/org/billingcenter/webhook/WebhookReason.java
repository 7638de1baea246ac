package org.billingcenter.webhook;

import org.billingcenter.shared.Reason;

/** Why a webhook command was refused. */
public enum WebhookReason implements Reason {
  WEBHOOK_ENDPOINT_NOT_FOUND(Kind.NOT_FOUND),
  WEBHOOK_DELIVERY_NOT_FOUND(Kind.NOT_FOUND),
  /** Not an absolute http(s) URL with a host, longer than 2,000 characters, or with user:password@. */
  WEBHOOK_URL_INVALID(Kind.INVALID),
  WEBHOOK_URL_NOT_HTTPS(Kind.INVALID),
  /** The host is, or resolves to, a loopback, private, link-local, metadata ... address. */
  WEBHOOK_URL_FORBIDDEN_ADDRESS(Kind.INVALID),
  WEBHOOK_URL_UNRESOLVABLE(Kind.INVALID),
  WEBHOOK_EVENT_TYPE_UNKNOWN(Kind.INVALID);

  private final Kind kind;

  WebhookReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
