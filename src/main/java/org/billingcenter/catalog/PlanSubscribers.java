package org.billingcenter.catalog;

import java.time.LocalDate;
import java.util.SortedMap;

/**
 * What the catalog needs to know about the subscriptions on a plan, answered by the subscription
 * module (which depends on the catalog, not the other way round).
 */
public interface PlanSubscribers {

  /**
   * The plan's active subscriptions that will renew, counted by the date of their first renewal on
   * or after {@code day}: where an existing subscription starts paying a price change.
   */
  SortedMap<LocalDate, Integer> renewalsOnOrAfter(String planId, LocalDate day);
}
