package org.billingcenter.shared;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The operator's refund window: a cancellation returns a prorated credit only from the current
 * period's first day D through D + {@code days} inclusive (tenant-local dates), or later if the
 * organisation asked for a call within those days. Shared so the support console (which may not
 * depend on cancellation) judges a callback request by the same rule as the cancellation policy.
 *
 * @param days the window's length in days, or null when there is none (every cancellation is prorated)
 */
public record RefundWindow(Integer days) {

  public static final RefundWindow NONE = new RefundWindow(null);

  public RefundWindow {
    if (days != null && days < 0) {
      throw new IllegalArgumentException("refund window must not be negative: " + days);
    }
  }

  /**
   * Where a cancellation stands today. Empty when there is no window.
   *
   * @param requestedOn the tenant-local day of the earliest callback request still counting, if any
   */
  public Optional<Standing> standing(LocalDate periodStart, LocalDate today, LocalDate requestedOn) {
    if (days == null) {
      return Optional.empty();
    }
    LocalDate lastDay = periodStart.plusDays(days);
    boolean requestInside = requestedOn != null && !requestedOn.isBefore(periodStart) && !requestedOn.isAfter(lastDay);
    return Optional.of(new Standing(lastDay, !today.isAfter(lastDay), requestInside ? requestedOn : null));
  }

  /**
   * @param lastDay the window's last day (inclusive)
   * @param open today is on or before {@code lastDay}
   * @param keptByRequestOn the day of a callback request made inside the window, which keeps the
   *     right to a prorated credit however late the cancellation comes; null if none
   */
  public record Standing(LocalDate lastDay, boolean open, LocalDate keptByRequestOn) {

    /** A cancellation now returns a prorated credit. */
    public boolean creditKept() {
      return open || keptByRequestOn != null;
    }
  }
}
