/**
 * The sessions' pages (/account/sessions for everyone, /settings/sessions for a Global admin) and
 * the filter in the pages' security chain that registers a signed-in session, refuses an ended one
 * and notes when each was last seen.
 */
package org.billingcenter.session.web;
