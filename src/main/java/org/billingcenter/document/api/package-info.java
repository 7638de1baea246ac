/** The documents' REST API: invoice and credit note PDFs. */
package org.billingcenter.document.api;
