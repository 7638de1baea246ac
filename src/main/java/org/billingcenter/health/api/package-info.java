/** {@code GET /api/v1/operator/health}: the health numbers as JSON. */
package org.billingcenter.health.api;
