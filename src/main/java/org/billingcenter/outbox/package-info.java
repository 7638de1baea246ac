/**
 * The outbox: the facts integrations and people are told about ({@link EventType}), written in the
 * transaction that causes them and delivered at least once, with retries, by dispatchers on any
 * number of nodes through the channels that implement {@link DeliveryChannel} (webhooks, e-mail).
 */
package org.billingcenter.outbox;
