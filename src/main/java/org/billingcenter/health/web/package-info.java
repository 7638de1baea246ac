/** The operator's Service health page. */
package org.billingcenter.health.web;
