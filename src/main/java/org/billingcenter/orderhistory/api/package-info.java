/** The order history's REST resource, /api/v1/order-history. */
package org.billingcenter.orderhistory.api;
