package org.billingcenter.billingprofile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The saved profiles, one row per organisation (the country is read from the tenant). */
@Repository
class BillingProfileRepository {

  private static final String COLUMNS =
      """
      tenant_id, legal_name, address_line1, address_line2, postal_code, city, region, tax_id, purchase_order,
      invoice_language, attach_pdf, electronic_invoice, updated_at, updated_by
      """;

  private final JdbcClient jdbc;

  BillingProfileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<SavedBillingProfile> find(TenantId tenant, String country) {
    return jdbc.sql("select " + COLUMNS + " from billing_profile where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query((rs, i) -> row(rs, tenant, country))
        .optional();
  }

  /** The saved profile, locked until the transaction ends: concurrent saves are applied one after the other. */
  Optional<SavedBillingProfile> lock(TenantId tenant, String country) {
    return jdbc.sql("select " + COLUMNS + " from billing_profile where tenant_id = :tenant for update")
        .param("tenant", tenant.value())
        .query((rs, i) -> row(rs, tenant, country))
        .optional();
  }

  /** False when another transaction saved this organisation's first profile meanwhile. */
  boolean insert(BillingProfile p, Instant at, String by) {
    return jdbc.sql(
            """
            insert into billing_profile (tenant_id, legal_name, address_line1, address_line2, postal_code, city,
                                         region, tax_id, purchase_order, invoice_language, attach_pdf,
                                         electronic_invoice, updated_at, updated_by)
            values (:tenant, :legalName, :line1, :line2, :postalCode, :city, :region, :taxId, :purchaseOrder,
                    :language, :attachPdf, :electronicInvoice, :at, :by)
            on conflict do nothing
            """)
        .paramSource(params(p, at, by))
        .update() == 1;
  }

  void update(BillingProfile p, Instant at, String by) {
    jdbc.sql(
            """
            update billing_profile
               set legal_name = :legalName, address_line1 = :line1, address_line2 = :line2,
                   postal_code = :postalCode, city = :city, region = :region, tax_id = :taxId,
                   purchase_order = :purchaseOrder, invoice_language = :language, attach_pdf = :attachPdf,
                   electronic_invoice = :electronicInvoice, updated_at = :at, updated_by = :by
             where tenant_id = :tenant
            """)
        .paramSource(params(p, at, by))
        .update();
  }

  private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(BillingProfile p, Instant at,
      String by) {
    return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
        .addValue("tenant", p.tenant().value())
        .addValue("legalName", p.legalName())
        .addValue("line1", p.addressLine1())
        .addValue("line2", p.addressLine2())
        .addValue("postalCode", p.postalCode())
        .addValue("city", p.city())
        .addValue("region", p.region())
        .addValue("taxId", p.taxId())
        .addValue("purchaseOrder", p.purchaseOrder())
        .addValue("language", InvoiceLanguage.tag(p.invoiceLanguage()))
        .addValue("attachPdf", p.attachPdf())
        .addValue("electronicInvoice", p.electronicInvoice())
        .addValue("at", Utc.of(at))
        .addValue("by", by);
  }

  private static SavedBillingProfile row(ResultSet rs, TenantId tenant, String country) throws SQLException {
    BillingProfile profile = new BillingProfile(tenant, rs.getString("legal_name"), rs.getString("address_line1"),
        rs.getString("address_line2"), rs.getString("postal_code"), rs.getString("city"), rs.getString("region"),
        country, rs.getString("tax_id"), rs.getString("purchase_order"),
        Locale.forLanguageTag(rs.getString("invoice_language")), rs.getBoolean("attach_pdf"),
        rs.getBoolean("electronic_invoice"));
    return new SavedBillingProfile(profile, Utc.read(rs, "updated_at"), rs.getString("updated_by"));
  }
}
