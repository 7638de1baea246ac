/**
 * The payment module's REST endpoints: the balance (what the organisation is behind on, paying it
 * now, an invoice's payment attempts), the operator's receivables and dunning run by hand.
 */
package org.billingcenter.payment.api;
