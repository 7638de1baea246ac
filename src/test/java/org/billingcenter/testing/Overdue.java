package org.billingcenter.testing;

import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18 balance: puts a test organisation behind on one invoice, as a declining card does: the
 * card ({@code tok_chargeDeclined_…}, last four 0002) becomes its default, buys {@code quantity}
 * licenses of the monthly test plan, and the billing run of {@code day} (today on the test clock)
 * has its collection declined.
 *
 * @param card the declining card
 * @param invoice the overdue invoice
 */
public record Overdue(PaymentMethodId card, UUID invoice) {

  public static Overdue of(ApplicationContext context, TestTenants.Given org, int quantity, LocalDate day) {
    TenantService tenants = context.getBean(TenantService.class);
    PaymentMethodId card = tenants.addPaymentMethod(org.id(), new NewPaymentMethod(
        "tok_chargeDeclined_" + UUID.randomUUID().toString().substring(0, 8), "Visa", "0002", 12, 2035), TestTenants.ACTOR).id();
    tenants.makeDefaultPaymentMethod(org.id(), card, TestTenants.ACTOR);
    context.getBean(SubscriptionService.class).purchase(org.id(), TestTenants.MONTHLY_PLAN, quantity, card, TestTenants.ACTOR);
    context.getBean(BillingRunService.class).run(day);
    UUID invoice = context.getBean(JdbcClient.class).sql("""
            select invoice_id from invoice where tenant_id = :t and invoice_date = :d and kind = 'INVOICE'
               and number is not null
            """)
        .param("t", org.id().value()).param("d", day).query(UUID.class).single();
    return new Overdue(card, invoice);
  }
}
