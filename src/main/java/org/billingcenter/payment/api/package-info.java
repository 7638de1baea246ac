/** The payment module's REST endpoints: the operator's receivables (overdue money by age, recovered vs lost). */
package org.billingcenter.payment.api;
