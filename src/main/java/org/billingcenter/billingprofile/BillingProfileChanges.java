package org.billingcenter.billingprofile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit trail's view of a change: only the fields that changed, as {@code field=value} pairs
 * (a cleared field reads {@code field=}), before and after. Each field is at most 200 characters,
 * so the whole fits the trail's 4,000.
 */
final class BillingProfileChanges {

  record Described(String before, String after) {}

  private BillingProfileChanges() {}

  static Described between(BillingProfile before, BillingProfile after) {
    Map<String, Object> was = fields(before);
    Map<String, Object> is = fields(after);
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    was.forEach((field, value) -> {
      if (!Objects.equals(value, is.get(field))) {
        from.add(field + "=" + Objects.toString(value, ""));
        to.add(field + "=" + Objects.toString(is.get(field), ""));
      }
    });
    return new Described(String.join("; ", from), String.join("; ", to));
  }

  private static Map<String, Object> fields(BillingProfile p) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("legalName", p.legalName());
    fields.put("addressLine1", p.addressLine1());
    fields.put("addressLine2", p.addressLine2());
    fields.put("postalCode", p.postalCode());
    fields.put("city", p.city());
    fields.put("region", p.region());
    fields.put("taxId", p.taxId());
    fields.put("purchaseOrder", p.purchaseOrder());
    fields.put("invoiceLanguage", InvoiceLanguage.tag(p.invoiceLanguage()));
    fields.put("attachPdf", p.attachPdf());
    fields.put("electronicInvoice", p.electronicInvoice());
    return fields;
  }
}
