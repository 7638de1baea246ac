/**
 * Webhooks: endpoints registered by an organisation's Global admin (its events) or by the operator
 * (every organisation's events), and the outbox channel that signs each event per Standard Webhooks
 * and POSTs it, guarded against server-side request forgery at registration and at every delivery.
 */
package org.billingcenter.webhook;
