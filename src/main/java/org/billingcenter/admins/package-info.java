/**
 * Who administers an organisation: invitations (the account is made when the invitee accepts),
 * roles and removal of admins (never the last Global admin), and forgotten passwords, both through
 * single-use links sent by e-mail of which only a hash is kept.
 */
package org.billingcenter.admins;
