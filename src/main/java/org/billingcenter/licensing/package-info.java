/**
 * License seats: which members hold a license of which subscription. {@link
 * org.billingcenter.licensing.SeatPool} keeps assignments within what was bought.
 */
package org.billingcenter.licensing;
