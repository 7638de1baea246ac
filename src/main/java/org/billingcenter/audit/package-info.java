/**
 * The audit trail: who changed what, when, from what to what, and why. Services record an event in
 * the same transaction as the change it describes.
 */
package org.billingcenter.audit;
