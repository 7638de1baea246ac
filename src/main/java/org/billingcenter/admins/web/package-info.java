/** The Admins page (/settings/admins) and the public pages single-use links open (invitations, password resets). */
package org.billingcenter.admins.web;
