/**
 * Cross-cutting REST plumbing: every refusal or error becomes RFC 9457 problem+json with a stable
 * {@code code} and a message in the caller's language.
 */
package org.billingcenter.api;
