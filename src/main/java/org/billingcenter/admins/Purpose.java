package org.billingcenter.admins;

/** What a single-use link is for. */
enum Purpose {
  INVITATION,
  PASSWORD_RESET
}
