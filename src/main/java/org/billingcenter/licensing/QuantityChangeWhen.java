package org.billingcenter.licensing;

/** When a change of quantity takes effect. */
public enum QuantityChangeWhen {
  /** Today: the licenses are usable (or gone) at once, with a prorated charge (or credit). */
  NOW,
  /** At the renewal: a scheduled change, withdrawable until then; no money moves now. */
  AT_RENEWAL
}
