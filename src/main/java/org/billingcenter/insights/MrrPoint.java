package org.billingcenter.insights;

import java.time.LocalDate;
import java.time.YearMonth;
import org.billingcenter.shared.Money;

/** One month of one currency: the run rate and the paying subscriptions on the day it was measured. */
public record MrrPoint(YearMonth month, LocalDate measuredOn, Money mrr, long activeSubscriptions) {}
