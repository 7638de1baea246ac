package org.billingcenter.catalog;

import java.time.LocalDate;
import org.billingcenter.shared.Money;

/**
 * A new unit price for a plan: purchases pay it from {@code effectiveFrom}, subscriptions bought
 * before from their first renewal on or after {@code existingFrom}.
 */
public record PriceChange(String planId, LocalDate effectiveFrom, Money unitPrice, LocalDate existingFrom) {}
