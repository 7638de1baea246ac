/**
 * The organisation's billing profile: who its invoices are addressed to (legal name, bill-to
 * address, tax ID, purchase order), in which language, and whether they come as PDF attachments or
 * electronic (Factur-X) invoices. The country is the organisation's, fixed when it was created.
 */
package org.billingcenter.billingprofile;
