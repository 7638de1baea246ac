/**
 * Subscriptions and their lifecycle (TRIAL, ACTIVE, EXPIRED, DISABLED, DELETED). The allowed
 * transitions are a pure table in {@link org.billingcenter.subscription.LifecycleEvent}.
 */
package org.billingcenter.subscription;
