package org.billingcenter.billing.web;

import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.billing.ExportRange;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the export form on Invoices & credits starts with: this calendar year in the organisation's
 * time zone, and whether the account may export at all (Global and Billing admins, Readers). After a
 * refusal the dates as typed come back as a flash attribute of the same name, which wins.
 */
@ControllerAdvice(assignableTypes = InvoicePages.class)
class ExportFormAdvice {

  /** The form's values as the inputs show them (strings: a refused date is shown as typed). */
  record ExportForm(String from, String to, boolean allowed) implements java.io.Serializable {
    static ExportForm typed(String from, String to) {
      return new ExportForm(clip(from), clip(to), true);
    }

    private static String clip(String value) {
      return value == null ? "" : value.substring(0, Math.min(value.length(), 10));
    }
  }

  private final TenantService tenants;

  ExportFormAdvice(TenantService tenants) {
    this.tenants = tenants;
  }

  @ModelAttribute("exportForm")
  ExportForm exportForm(@CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me) {
    ExportRange year = ExportRange.yearOf(tenants.today(tenant));
    boolean allowed = me != null && (me.account().has(Role.GLOBAL_ADMIN) || me.account().has(Role.BILLING_ADMIN)
        || me.account().has(Role.READER));
    return new ExportForm(year.from().toString(), year.to().toString(), allowed);
  }
}
