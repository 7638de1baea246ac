/** The balance API: what the organisation is behind on, paying it now, and an invoice's payment attempts. */
package org.billingcenter.payment.api;
