/**
 * Pure value types every capability speaks in: money, ids, billing periods and the rejection
 * reasons rules return. No framework code lives here.
 */
package org.billingcenter.shared;
