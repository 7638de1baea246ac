package org.billingcenter.support;

import org.jspecify.annotations.Nullable;

/**
 * Whether a support engineer may act for an organisation (remove licenses, cancel): only on an open
 * request he has claimed himself. Anything else (no open request, one still waiting in the queue,
 * one another engineer is working) needs a stated override reason, and the action is then flagged
 * as an override in the audit trail.
 */
public final class AssistedActionPolicy {

  /**
   * How the engineer stands; the first two allow the action. A refusal reaches the caller as
   * NO_CLAIMED_REQUEST with this as its {@code access} extension.
   */
  public enum Access {
    CLAIMED_BY_YOU(true, false),
    OVERRIDE(true, true),
    NO_OPEN_REQUEST(false, false),
    NOT_CLAIMED(false, false),
    CLAIMED_BY_OTHER(false, false);

    private final boolean allowed;
    private final boolean overridden;

    Access(boolean allowed, boolean overridden) {
      this.allowed = allowed;
      this.overridden = overridden;
    }

    public boolean allowed() {
      return allowed;
    }

    public boolean overridden() {
      return overridden;
    }
  }

  private AssistedActionPolicy() {}

  /**
   * @param status the subscription's open request's status, null when it has none
   * @param claimedBy the engineer who claimed it, if any
   * @param overrideReason what the engineer typed as the reason to act anyway; blank counts as none
   */
  public static Access decide(
      @Nullable CallbackStatus status, @Nullable String claimedBy, String engineer, @Nullable String overrideReason) {
    if (status == CallbackStatus.CLAIMED && engineer.equals(claimedBy)) {
      return Access.CLAIMED_BY_YOU;
    }
    if (overrideReason != null && !overrideReason.isBlank()) {
      return Access.OVERRIDE;
    }
    if (status == null || !status.isOpen()) {
      return Access.NO_OPEN_REQUEST;
    }
    return status == CallbackStatus.NEW ? Access.NOT_CLAIMED : Access.CLAIMED_BY_OTHER;
  }
}
