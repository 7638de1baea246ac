/**
 * The operator's organisations console: the searchable list with subscriptions and monthly recurring
 * revenue, one organisation's subscriptions, invoices and audit trail, opening one, and suspending
 * (its people and API keys refused, its billing unchanged) and resuming it.
 */
package org.billingcenter.organisation;
