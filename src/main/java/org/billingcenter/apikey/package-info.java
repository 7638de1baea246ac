/**
 * API keys: named, role-bearing, revocable secrets with which programs call {@code /api/**} as
 * {@code Authorization: Bearer bc_live_…}. Only a SHA-256 of the 256-bit secret is kept; keys are
 * looked up by their public prefix through a short-lived per-node cache, and their last use is
 * written in batches.
 */
package org.billingcenter.apikey;
