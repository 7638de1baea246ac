/** The audit search resources, /api/v1/audit-events and /api/v1/operator/audit-events, and the operator's metrics series. */
package org.billingcenter.insights.api;
