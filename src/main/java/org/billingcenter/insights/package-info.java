/**
 * Read-only back-office insight: the audit search (the operator's across organisations, a Global
 * admin's of their own) and the operator's charts (MRR, active subscriptions, cancellations and their
 * reasons, callback requests). Its own module because the audit module cannot know the signed-in
 * account (the account module records into the audit trail), and charts read across modules.
 */
package org.billingcenter.insights;
