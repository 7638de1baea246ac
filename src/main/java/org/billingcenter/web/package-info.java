/**
 * Cross-cutting web concerns: security (form sign-in for pages, HTTP Basic for the API), locale
 * resolution, the current-tenant argument, and the signed-in home page.
 */
package org.billingcenter.web;
