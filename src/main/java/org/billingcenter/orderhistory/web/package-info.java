/** The order history page, /billing/order-history. */
package org.billingcenter.orderhistory.web;
