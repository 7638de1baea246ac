/**
 * Invoices and credit notes as documents: PDF/A-3b in the invoice language, with Factur-X (EN 16931)
 * XML embedded for organisations that ask for it, rendered from a Thymeleaf template, cached.
 */
package org.billingcenter.document;
