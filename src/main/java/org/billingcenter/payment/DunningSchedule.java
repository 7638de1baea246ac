package org.billingcenter.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When a declined invoice is tried again: on each of {@code retryDays} after its due date (default
 * 1, 3, 5, 7, 14, 21, 30), in the organisation's calendar. A retry day that passed unrun (the job
 * did not run that day) is caught up once, not once per missed day. Pure: the dunning job, the
 * balance page ("next try on …") and the operator's view ask the same question here.
 *
 * @param retryDays days after the due date, strictly increasing, each at least 1
 */
public record DunningSchedule(List<Integer> retryDays) {

  public DunningSchedule {
    retryDays = List.copyOf(retryDays);
    if (retryDays.isEmpty()) {
      throw new IllegalArgumentException("a dunning schedule has at least one retry day");
    }
    int previous = 0;
    for (int day : retryDays) {
      if (day <= previous || day > 365) {
        throw new IllegalArgumentException("retry days increase from 1 to at most 365: " + retryDays);
      }
      previous = day;
    }
  }

  /** The default: retries on days 1, 3, 5, 7, 14, 21 and 30 after the due date. */
  public static DunningSchedule standard() {
    return new DunningSchedule(List.of(1, 3, 5, 7, 14, 21, 30));
  }

  /** What to do today about an invoice that is still owed after {@code retriesMade} retries. */
  public sealed interface Step {}

  /** Try again now: this is retry number {@code retry} (1-based). */
  public record RetryNow(int retry) implements Step {}

  /** Nothing today; the next retry is on {@code on}. */
  public record WaitUntil(LocalDate on) implements Step {}

  /** Every retry was made and failed: the invoice is uncollectible. */
  public record Exhausted() implements Step {}

  public Step today(LocalDate dueDate, int retriesMade, LocalDate today) {
    if (retriesMade >= retryDays.size()) {
      return new Exhausted();
    }
    LocalDate next = dueDate.plusDays(retryDays.get(retriesMade));
    return next.isAfter(today) ? new WaitUntil(next) : new RetryNow(retriesMade + 1);
  }

  /** The day of the next retry after {@code retriesMade}, if there is one left. */
  public Optional<LocalDate> nextRetry(LocalDate dueDate, int retriesMade) {
    return retriesMade >= retryDays.size()
        ? Optional.empty()
        : Optional.of(dueDate.plusDays(retryDays.get(retriesMade)));
  }

  /** The day the last retry is due: the invoice becomes uncollectible if that one fails too. */
  public LocalDate lastRetry(LocalDate dueDate) {
    return dueDate.plusDays(retryDays.get(retryDays.size() - 1));
  }

  /** Whether the retry just made, number {@code retry}, was the last. */
  public boolean isLast(int retry) {
    return retry >= retryDays.size();
  }
}
