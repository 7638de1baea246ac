/** The operator's organisations pages under /operator/organisations, and the guard that refuses suspended organisations. */
package org.billingcenter.organisation.web;
