/** The API keys' REST resource, /api/v1/api-keys. */
package org.billingcenter.apikey.api;
