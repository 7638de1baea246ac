/**
 * What every page shares: security (form sign-in for pages, HTTP Basic for the API), locale
 * resolution, the current-tenant argument, the sign-in page, and the page helpers module pages use
 * ({@link org.billingcenter.web.PageForms}, {@link org.billingcenter.web.Formats}, the advice behind
 * {@link org.billingcenter.web.PageAdvice}). Each capability's pages live in its own module
 * ({@code <module>.web}); only the account pages stay here, because web depends on account for
 * security and an {@code account.web} would make a cycle.
 */
package org.billingcenter.web;
