/** The members pages: list and search the organisation's members, add, edit, remove and import them. */
package org.billingcenter.tenant.web;
