/**
 * Cancelling a subscription the right way. {@link
 * org.billingcenter.cancellation.CancellationPolicy} is the specification's rule as a pure
 * function; {@link org.billingcenter.cancellation.CancellationService} checks, previews and carries
 * out exactly what the preview said, in one transaction.
 */
package org.billingcenter.cancellation;
