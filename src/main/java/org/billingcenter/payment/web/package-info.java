/** The payment methods pages: the list with its actions, add and edit forms, replace and remove flows. */
package org.billingcenter.payment.web;
