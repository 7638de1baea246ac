/** The billing profile's REST resource, /api/v1/billing-profile. */
package org.billingcenter.billingprofile.api;
