/**
 * Organisations (tenants), the members who hold licenses, and the payment method references they
 * pay with. A tenant's time zone, locale and currency live here.
 */
package org.billingcenter.tenant;
