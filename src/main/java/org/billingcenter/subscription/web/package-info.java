/** The subscription pages: the home page, Billing › Your products and a subscription's details. */
package org.billingcenter.subscription.web;
