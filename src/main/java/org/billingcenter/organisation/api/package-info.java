/** The operator's organisations API, /api/v1/operator/tenants. */
package org.billingcenter.organisation.api;
