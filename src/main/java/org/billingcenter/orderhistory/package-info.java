/**
 * Order history (Microsoft's name): every purchase, quantity change, plan change, cancellation,
 * reactivation and credit of an organisation, with who did it and what it charged or credited, read
 * from the audit trail.
 */
package org.billingcenter.orderhistory;
