package org.billingcenter.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * A value axis from zero to a "nice" top (1, 2 or 5 times a power of ten per step, about five
 * steps), so tick labels read as round numbers in any language. Pure.
 */
public record ChartScale(long top, long step) {

  static final int TARGET_STEPS = 5;

  public ChartScale {
    if (step <= 0 || top < step || top % step != 0) {
      throw new IllegalArgumentException("top " + top + " must be a positive multiple of step " + step);
    }
  }

  /** The smallest nice scale that holds {@code max} (zero or less: a scale of 0–1). */
  public static ChartScale holding(long max) {
    if (max <= 0) {
      return new ChartScale(1, 1);
    }
    long step = niceStep(Math.max(1, ceilDiv(max, TARGET_STEPS)));
    return new ChartScale(ceilDiv(max, step) * step, step);
  }

  /** The first of 1, 2, 5, 10, 20, 50 ... that is at least {@code raw}. */
  static long niceStep(long raw) {
    long power = 1;
    while (true) {
      for (long factor : new long[] {1, 2, 5}) {
        if (factor * power >= raw) {
          return factor * power;
        }
      }
      power = Math.multiplyExact(power, 10);
    }
  }

  /** 0, step, 2·step ... top. */
  public List<Long> ticks() {
    List<Long> ticks = new ArrayList<>();
    for (long v = 0; v <= top; v += step) {
      ticks.add(v);
    }
    return ticks;
  }

  /** Where {@code value} sits between 0 (bottom) and 1 (top), clamped to the axis. */
  public double fraction(long value) {
    return Math.max(0, Math.min(1, (double) value / top));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
