package org.billingcenter.billing;

import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CreditRepository {

  private final JdbcClient jdbc;

  CreditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One credit per subscription-period (of its current activation): a second insert for it fails. */
  void insert(Credit credit, java.time.LocalDate periodStart) {
    insert(credit, periodStart, null);
  }

  /** A change's credit: keyed by its change, no period_start (that key is cancellations'). */
  void insertForChange(Credit credit, UUID changeId) {
    insert(credit, null, changeId);
  }

  /** Exactly one of {@code periodStart} (a cancellation) and {@code changeId} (a change) is set. */
  private void insert(Credit credit, java.time.LocalDate periodStart, UUID changeId) {
    jdbc.sql(
            """
            insert into credit (tenant_id, credit_id, subscription_id, amount_minor, currency,
                                status, return_on, created_at, period_start, change_id, activation)
            values (:tenant, :id, :subscription, :amount, :currency, :status, :returnOn, :now, :periodStart,
                    :change, (""" + InvoiceRepository.ACTIVATION + """
            ))
            """)
        .param("tenant", credit.tenant().value())
        .param("id", credit.id())
        .param("subscription", credit.subscription().value())
        .param("amount", credit.amount().minor())
        .param("currency", credit.amount().currency().getCurrencyCode())
        .param("status", credit.status().name())
        .param("returnOn", credit.returnOn())
        .param("now", Utc.of(credit.createdAt()))
        .param("periodStart", periodStart)
        .param("change", changeId)
        .update();
  }

  private static final String LIST =
      """
      select credit_id, subscription_id, amount_minor, currency, status, return_on, created_at
        from credit where tenant_id = :tenant order by created_at desc, credit_id
      """;

  List<Credit> list(TenantId tenant) {
    return jdbc.sql(LIST).param("tenant", tenant.value()).query((rs, i) -> credit(tenant, rs)).list();
  }

  List<Credit> list(TenantId tenant, PageRequest page) {
    return jdbc.sql(LIST + " limit :size offset :offset")
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> credit(tenant, rs))
        .list();
  }

  long count(TenantId tenant) {
    return jdbc.sql("select count(*) from credit where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query(Long.class)
        .single();
  }

  private static Credit credit(TenantId tenant, java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Credit(
        tenant,
        rs.getObject("credit_id", UUID.class),
        new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
        Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
        Credit.Status.valueOf(rs.getString("status")),
        rs.getDate("return_on").toLocalDate(),
        Utc.read(rs, "created_at"));
  }
}
