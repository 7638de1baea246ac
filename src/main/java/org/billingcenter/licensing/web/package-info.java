/** The licensing pages: Users & licenses, who holds a subscription's licenses. */
package org.billingcenter.licensing.web;
