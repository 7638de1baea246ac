/** The "Pay your balance" pages, the overdue banner other pages load, and an invoice's payment attempts. */
package org.billingcenter.payment.web;
