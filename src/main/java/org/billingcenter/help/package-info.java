/**
 * The help panel "Canceling your subscription?", personalised from the organisation's data: which
 * subscriptions can be cancelled online now, which need licenses removed or a call, which are trials.
 */
package org.billingcenter.help;
