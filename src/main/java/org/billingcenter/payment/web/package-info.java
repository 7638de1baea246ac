/**
 * The payment module's pages: "Pay your balance", the overdue banner other pages load, an
 * invoice's payment attempts, the payment methods and the operator's receivables view.
 */
package org.billingcenter.payment.web;
