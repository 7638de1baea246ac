/**
 * The single sign-on pages: the Global admin's settings (configure, check, remove with a
 * confirmation), the sign-in page's "Sign in with single sign-on" step that finds the person's
 * organisation, and the page that says why a sign-in through the provider was refused.
 */
package org.billingcenter.sso.web;
