/**
 * Money owed and returned: invoices and their lines, credits and refunds. {@link
 * org.billingcenter.billing.Proration} is the one home of the prorated-credit rule. Billing reacts
 * to subscription events and never depends on cancellation.
 */
package org.billingcenter.billing;
