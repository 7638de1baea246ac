/** The operator's catalog console pages: plans and prices, price changes with their preview, retirement. */
package org.billingcenter.catalog.web;
