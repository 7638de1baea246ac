/** The payment methods API: list, add, update, make default, replace for all subscriptions, remove. */
package org.billingcenter.payment.api;
