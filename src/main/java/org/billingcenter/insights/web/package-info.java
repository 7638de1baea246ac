/** The audit pages, /operator/audit and /settings/audit, and the operator's charts, /operator/charts. */
package org.billingcenter.insights.web;
