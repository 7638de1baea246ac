/**
 * Service health at a glance for the operator: delivery backlogs, the callback queue, the database
 * and the daily job, published as Micrometer gauges (so {@code /actuator/prometheus} and Grafana
 * show the same numbers) and read back from the registry by the page and the API.
 */
package org.billingcenter.health;
