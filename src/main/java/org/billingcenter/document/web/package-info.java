/** The documents' page side: the Download PDF link of Invoices & credits. */
package org.billingcenter.document.web;
