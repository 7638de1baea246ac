/** The change-plan and change-billing-frequency pages: choose, preview, a deliberate confirmation, done. */
package org.billingcenter.planchange.web;
