package org.billingcenter.insights;

import java.time.Duration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Callback requests made in one ISO week (UTC, from {@code monday}): how many, how many have had a
 * first call (claim or note) yet, and the median time from request to that first call.
 */
public record CallbackWeek(LocalDate monday, long requests, long called, @Nullable Duration medianToFirstCall) {}
