package org.billingcenter.catalog;

import java.util.List;

/** A plan as the operator's console shows it: today's price, whether it is on sale, what is scheduled. */
public record CatalogEntry(Plan plan, boolean retired, List<PriceChange> scheduled) {}
