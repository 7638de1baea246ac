package org.billingcenter.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.apikey.NewApiKey;
import org.billingcenter.shared.TenantId;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes tenants and subscriptions straight into PostgreSQL with COPY, streaming rows so memory
 * stays flat however many there are. Ids are derived from the row number, so reruns match.
 */
final class BenchData {

  static final String PLAN = "bench-monthly";
  static final long PRICE_MINOR = 1000;

  private BenchData() {}

  static UUID tenant(long i) {
    return new UUID(0x7e00_0000_0000_0000L + i, 1);
  }

  static UUID subscription(long i) {
    return new UUID(0x5b00_0000_0000_0000L + i, 2);
  }

  private interface Rows {
    void write(Writer out) throws IOException;
  }

  private static void copy(Connection connection, String table, Rows rows) throws SQLException, IOException {
    try (PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), "COPY " + table + " FROM STDIN WITH (FORMAT csv)", 1 << 20);
        Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), 1 << 20)) {
      rows.write(out);
    }
  }

  /**
   * N tenants (one card each), M subscriptions spread over them, each in a period that ends on
   * {@code renewal} and whose charge is already on the tenant's invoice of the period's first day.
   */
  static void renewals(Connection c, long tenants, long subscriptions, LocalDate renewal) throws Exception {
    LocalDate start = renewal.minusMonths(1);
    String now = "2026-01-01 00:00:00+00";
    copy(c, "tenant (tenant_id, name, country, locale, time_zone, currency, created_at)", out -> {
      for (long i = 0; i < tenants; i++) {
        out.write(tenant(i) + ",Bench " + i + ",FR,fr-FR,UTC,EUR," + now + "\n");
      }
    });
    copy(c, "payment_method (tenant_id, payment_method_id, token, brand, last4, expiry_month, expiry_year, created_at)", out -> {
      for (long i = 0; i < tenants; i++) {
        out.write(tenant(i) + "," + tenant(i) + ",tok_" + i + ",Visa,4242,12,2035," + now + "\n");
      }
    });
    copy(c, "subscription (tenant_id, subscription_id, plan_id, quantity, status, auto_renew, anchor_date,"
        + " current_period_start, current_period_end, payment_method_id, created_at, status_changed_at)", out -> {
      for (long i = 0; i < subscriptions; i++) {
        out.write(tenant(i % tenants) + "," + subscription(i) + "," + PLAN + "," + quantity(i) + ",ACTIVE,true,"
            + start + "," + start + "," + renewal + "," + tenant(i % tenants) + "," + now + "," + now + "\n");
      }
    });
    copy(c, "invoice (tenant_id, invoice_id, invoice_date, currency, total_minor, kind, created_at)", out -> {
      for (long t = 0; t < tenants; t++) {
        long total = 0;
        for (long i = t; i < subscriptions; i += tenants) {
          total += quantity(i) * PRICE_MINOR;
        }
        out.write(tenant(t) + "," + tenant(t) + "," + start + ",EUR," + total + ",INVOICE," + now + "\n");
      }
    });
    copy(c, "invoice_line (tenant_id, invoice_id, line_no, kind, subscription_id, period_start, period_end,"
        + " quantity, unit_price_minor, amount_minor, currency, charge_period_start)", out -> {
      for (long i = 0; i < subscriptions; i++) {
        long q = quantity(i);
        out.write(tenant(i % tenants) + "," + tenant(i % tenants) + "," + (i / tenants + 1) + ",CHARGE,"
            + subscription(i) + "," + start + "," + renewal + "," + q + "," + PRICE_MINOR + "," + (q * PRICE_MINOR)
            + ",EUR," + start + "\n");
      }
    });
  }

  /**
   * One Global admin API key per tenant, created through the service (a SHA-256 of a 256-bit secret,
   * as every key): the load clients send them as {@code Authorization: Bearer}, as a program would.
   * Returns each tenant's Authorization header value.
   */
  static String[] loadKeys(ApiKeyService keys, int tenants) {
    String[] authorization = new String[tenants];
    for (int i = 0; i < tenants; i++) {
      authorization[i] = keys.create(new NewApiKey(new TenantId(tenant(i)), "load " + i, Role.GLOBAL_ADMIN, null), "benchmark")
          .authorization();
    }
    return authorization;
  }

  /** Row number → (tenant, subscription) ids, so pgbench can pick rows the way the client does. */
  static void benchIds(Connection c, long tenants, long subscriptions) throws Exception {
    copy(c, "bench_ids (i, tenant, sub)", out -> {
      for (long i = 0; i < subscriptions; i++) {
        out.write(i + "," + tenant(i % tenants) + "," + subscription(i) + "\n");
      }
    });
  }

  /** M trials ending on {@code end}, spread over the tenants; every other one has a card. */
  static void trials(Connection c, long tenants, long trials, LocalDate end) throws Exception {
    String now = "2026-01-01 00:00:00+00";
    copy(c, "subscription (tenant_id, subscription_id, plan_id, quantity, status, auto_renew, trial_end,"
        + " payment_method_id, created_at, status_changed_at)", out -> {
      for (long i = 0; i < trials; i++) {
        UUID tenant = tenant(i % tenants);
        out.write(tenant + "," + new UUID(0x7a00_0000_0000_0000L + i, 3) + "," + PLAN + ",25,TRIAL,true," + end + ","
            + (i % 2 == 0 ? tenant.toString() : "") + "," + now + "," + now + "\n");
      }
    });
  }

  static long quantity(long i) {
    return 1 + i % 10;
  }
}
