/** The billing pages: invoices & credits, with their lines, refunds and where each credit stands. */
package org.billingcenter.billing.web;
