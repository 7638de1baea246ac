/**
 * Sign-in accounts and their roles. The signed-in account is the only source of the current
 * tenant: no request parameter can choose it.
 */
package org.billingcenter.account;
