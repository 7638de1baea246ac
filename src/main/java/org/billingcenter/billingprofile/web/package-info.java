/** The billing profile page, /settings/billing-profile. */
package org.billingcenter.billingprofile.web;
