/**
 * The cancellation pages: the cancel flow (check, review, confirm, done) and the support console's
 * assisted cancellation.
 */
package org.billingcenter.cancellation.web;
