/** The webhook pages: an organisation's under /settings/webhooks, the operator's under /operator/webhooks. */
package org.billingcenter.webhook.web;
