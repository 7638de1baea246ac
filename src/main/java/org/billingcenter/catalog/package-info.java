/** The operator's catalog: products and the plans they are sold on (price, frequency, trial). */
package org.billingcenter.catalog;
