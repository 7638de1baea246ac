package org.billingcenter.support;

import org.jspecify.annotations.Nullable;

/** How a completed request ended; the reason and text only for an organisation that stayed. */
public record WorkedOutcome(CallbackOutcome outcome, @Nullable RetentionReason reason, @Nullable String text) {}
