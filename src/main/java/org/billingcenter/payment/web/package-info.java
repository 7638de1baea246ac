/** The payment module's pages: the operator's receivables view. */
package org.billingcenter.payment.web;
