package org.billingcenter.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentMethodRepository {

  private final JdbcClient jdbc;

  PaymentMethodRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(PaymentMethod method, Instant now) {
    jdbc.sql(
            """
            insert into payment_method (tenant_id, payment_method_id, token, brand, last4,
                                        expiry_month, expiry_year, created_at)
            values (:tenant, :id, :token, :brand, :last4, :month, :year, :now)
            """)
        .param("tenant", method.tenant().value())
        .param("id", method.id().value())
        .param("token", method.token())
        .param("brand", method.brand())
        .param("last4", method.last4())
        .param("month", method.expiryMonth())
        .param("year", method.expiryYear())
        .param("now", Utc.of(now))
        .update();
  }

  Optional<PaymentMethod> find(TenantId tenant, PaymentMethodId id) {
    return jdbc.sql(
            "select * from payment_method where tenant_id = :tenant and payment_method_id = :id")
        .param("tenant", tenant.value())
        .param("id", id.value())
        .query((rs, i) -> map(tenant, rs))
        .optional();
  }

  List<PaymentMethod> list(TenantId tenant, PageRequest page) {
    return jdbc.sql(
            """
            select * from payment_method where tenant_id = :tenant
             order by created_at, payment_method_id limit :size offset :offset
            """)
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> map(tenant, rs))
        .list();
  }

  long count(TenantId tenant) {
    return jdbc.sql("select count(*) from payment_method where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query(Long.class)
        .single();
  }

  private static PaymentMethod map(TenantId tenant, java.sql.ResultSet rs)
      throws java.sql.SQLException {
    return new PaymentMethod(
        tenant,
        new PaymentMethodId(rs.getObject("payment_method_id", UUID.class)),
        rs.getString("token"),
        rs.getString("brand"),
        rs.getString("last4"),
        rs.getInt("expiry_month"),
        rs.getInt("expiry_year"));
  }
}
