/** The Billing notifications page of an organisation and the operator's Sent e-mails pages. */
package org.billingcenter.notification.web;
