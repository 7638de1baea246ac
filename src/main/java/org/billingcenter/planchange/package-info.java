/**
 * Changing a subscription's plan or billing frequency. {@link org.billingcenter.planchange.PlanChangePolicy}
 * decides from a snapshot whether the move happens now (prorated credit and charge) or at the renewal;
 * {@link org.billingcenter.planchange.PlanChangeService} previews and then does exactly that.
 */
package org.billingcenter.planchange;
