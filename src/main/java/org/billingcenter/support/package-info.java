/**
 * "Let us call you": callback requests an organisation makes when it cannot cancel online, and the
 * support engineers' queue (claim, notes, complete, withdraw). Plain controller → service →
 * repository; the one rule is at most one open request per subscription.
 */
package org.billingcenter.support;
