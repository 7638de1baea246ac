package org.billingcenter.insights;

import java.util.Currency;
import java.util.List;

/** Twelve months of MRR and active subscriptions in one currency, oldest first. */
public record MrrSeries(Currency currency, List<MrrPoint> points) {

  public MrrSeries {
    points = List.copyOf(points);
  }
}
