/** The API key pages: /settings/api-keys for an organisation's Global admin, /operator/api-keys for the operator. */
package org.billingcenter.apikey.web;
