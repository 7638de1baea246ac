/**
 * E-mail notifications: the outbox's events told to an organisation's Global and Billing admins and
 * its additional recipients, each in his own language (the outbox's e-mail channel),
 * the admins' choices of optional mails, and the record of every mail sent.
 */
package org.billingcenter.notification;
