/**
 * The admin center's pages. They compose several capabilities on one screen (a product list with
 * its help panel, a cancel flow with the callback offer), so they live at the edge, calling only
 * the modules' public services, exactly as the REST API does.
 */
package org.billingcenter.web.pages;
