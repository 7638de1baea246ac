/**
 * The operator's catalog: products and the plans they are sold on (price, frequency, trial), their
 * effective-dated price changes ({@link org.billingcenter.catalog.PriceSchedule}) and retirement.
 */
package org.billingcenter.catalog;
