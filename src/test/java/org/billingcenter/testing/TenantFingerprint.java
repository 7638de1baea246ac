package org.billingcenter.testing;

import java.util.List;
import org.billingcenter.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Everything a tenant owns, counted and summed: if an attack changed any of it, this changes. */
public final class TenantFingerprint {

  private static final List<String> QUERIES = List.of(
      "select count(*) || ':' || coalesce(sum(quantity), 0) || ':' || coalesce(sum(case when status = 'ACTIVE' then 1 else 0 end), 0) || ':' || coalesce(sum(case when auto_renew then 1 else 0 end), 0) from subscription where tenant_id = :t",
      "select count(*) || '' from license_assignment where tenant_id = :t",
      "select count(*) || '' from member where tenant_id = :t",
      "select count(*) || '' from payment_method where tenant_id = :t",
      // Issue 18 methods: begin — what a change to a payment method touches, and the chosen default
      "select coalesce(sum(expiry_year * 100 + expiry_month), 0) || ':' || coalesce(max(holder_name), '') || ':'"
          + " || coalesce(sum(case when removed_at is null then 1 else 0 end), 0) from payment_method where tenant_id = :t",
      "select coalesce(max(cast(default_payment_method_id as varchar(36))), '') from tenant where tenant_id = :t",
      // Issue 18 methods: end
      "select count(*) || ':' || coalesce(sum(total_minor), 0) from invoice where tenant_id = :t",
      "select count(*) || ':' || coalesce(sum(amount_minor), 0) from credit where tenant_id = :t",
      "select count(*) || '' from callback_request where tenant_id = :t",
      "select count(*) || '' from audit_event where tenant_id = :t",
      "select count(*) || ':' || coalesce(sum(case when status = 'PENDING' then 1 else 0 end), 0) from scheduled_change where tenant_id = :t",
      "select count(*) || ':' || coalesce(sum(amount_minor), 0) || ':' || coalesce(sum(case when status = 'PENDING' then 1 else 0 end), 0) from prorated_amount where tenant_id = :t",
      "select count(*) || ':' || coalesce(sum(case when status = 'ENABLED' then 1 else 0 end), 0) || ':' || coalesce(max(secret), '') from webhook_endpoint where tenant_id = :t",
      "select count(*) || ':' || coalesce(sum(case when status = 'PENDING' then 1 else 0 end), 0) from delivery where tenant_id = :t",
      "select count(*) || '' from notification_recipient where tenant_id = :t",
      "select count(*) || '' from notification_opt_out where tenant_id = :t",
      "select count(*) || '' from sent_email where tenant_id = :t",
      // Issue 15: API keys (how many, how many still usable)
      "select count(*) || ':' || coalesce(sum(case when revoked_at is null then 1 else 0 end), 0) from api_key where tenant_id = :t",
      // Issue 15 SSO: the provider (its revision counts every change) and its mappings and domains
      "select count(*) || ':' || coalesce(max(revision), 0) || ':' || coalesce(max(client_secret), '') from sso_provider where tenant_id = :t",
      "select count(*) || '' from sso_role_mapping where tenant_id = :t",
      "select count(*) || '' from sso_email_domain where tenant_id = :t",
      // Issue 15 sessions: ended ones only (a page request with a signed-in context, as MockMvc's
      // user() gives, registers its session: a sign-in, not a change)
      "select count(*) || '' from web_session where tenant_id = :t and ended_at is not null",
      // Issue 15 (admins): links, accounts (enabled) and their roles
      "select count(*) || ':' || coalesce(sum(case when used_at is null and withdrawn_at is null then 1 else 0 end), 0) from access_token where tenant_id = :t",
      "select count(*) || ':' || coalesce(sum(case when enabled then 1 else 0 end), 0) from admin_account where tenant_id = :t",
      "select count(*) || '' from admin_account_role r join admin_account a on a.username = r.username where a.tenant_id = :t",
      // Issue 16 (profile): the saved billing profile, every field that a change could touch
      "select count(*) || ':' || coalesce(max(legal_name || '|' || coalesce(address_line1, '') || '|' || coalesce(address_line2, '')"
          + " || '|' || coalesce(postal_code, '') || '|' || coalesce(city, '') || '|' || coalesce(region, '') || '|'"
          + " || coalesce(tax_id, '') || '|' || coalesce(purchase_order, '') || '|' || invoice_language || '|'"
          + " || case when attach_pdf then 'P' else '-' end || case when electronic_invoice then 'E' else '-' end), '')"
          + " from billing_profile where tenant_id = :t");

  private TenantFingerprint() {}

  public static String of(JdbcClient jdbc, TenantId tenant) {
    StringBuilder all = new StringBuilder();
    for (String query : QUERIES) {
      all.append(jdbc.sql(query).param("t", tenant.value()).query(String.class).single()).append('|');
    }
    return all.toString();
  }
}
