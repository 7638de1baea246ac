package org.billingcenter.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.jspecify.annotations.Nullable;
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
                                        expiry_month, expiry_year, holder_name, created_at)
            values (:tenant, :id, :token, :brand, :last4, :month, :year, :holder, :now)
            """)
        .param("tenant", method.tenant().value())
        .param("id", method.id().value())
        .param("token", method.token())
        .param("brand", method.brand())
        .param("last4", method.last4())
        .param("month", method.expiryMonth())
        .param("year", method.expiryYear())
        .param("holder", method.holderName(), java.sql.Types.VARCHAR)
        .param("now", Utc.of(now))
        .update();
  }

  Optional<PaymentMethod> find(TenantId tenant, PaymentMethodId id) {
    return find(tenant, id, "");
  }

  /** Issue 18: one the organisation can still pay with (not removed). */
  Optional<PaymentMethod> findUsable(TenantId tenant, PaymentMethodId id) {
    return find(tenant, id, " and removed_at is null");
  }

  private Optional<PaymentMethod> find(TenantId tenant, PaymentMethodId id, String andWhere) {
    return jdbc.sql("select * from payment_method where tenant_id = :tenant and payment_method_id = :id" + andWhere)
        .param("tenant", tenant.value())
        .param("id", id.value())
        .query((rs, i) -> map(tenant, rs))
        .optional();
  }

  /** Issue 18 methods: the ones it can pay with (a removed one is only kept for its payments' sake). */
  List<PaymentMethod> list(TenantId tenant, PageRequest page) {
    return jdbc.sql(
            """
            select * from payment_method where tenant_id = :tenant and removed_at is null
             order by created_at, payment_method_id limit :size offset :offset
            """)
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> map(tenant, rs))
        .list();
  }

  /**
   * Issue 18: the organisation's default payment method: the one it chose, else its newest (not
   * removed). What dunning retries and billing collects with.
   */
  Optional<PaymentMethodId> defaultFor(TenantId tenant) {
    return jdbc.sql("""
            select coalesce(
              (select p.payment_method_id from tenant t join payment_method p
                   on p.tenant_id = t.tenant_id and p.payment_method_id = t.default_payment_method_id
                where t.tenant_id = :tenant and p.removed_at is null),
              (select p.payment_method_id from payment_method p where p.tenant_id = :tenant and p.removed_at is null
                order by p.created_at desc, p.payment_method_id desc limit 1)) as method
            """)
        .param("tenant", tenant.value())
        .query((rs, i) -> rs.getObject(1, UUID.class)).optional()
        .filter(java.util.Objects::nonNull)
        .map(PaymentMethodId::new);
  }

  /** Issue 18: the method the organisation pays with from now on. */
  void makeDefault(TenantId tenant, PaymentMethodId id) {
    jdbc.sql("update tenant set default_payment_method_id = :id where tenant_id = :tenant")
        .param("id", id.value()).param("tenant", tenant.value()).update();
  }

  // Issue 18 methods: begin
  /** The usable ones, the default first, then oldest first (a stable order for paging). */
  List<PaymentMethod> listDefaultFirst(TenantId tenant, @Nullable PaymentMethodId defaultId, PageRequest page) {
    return jdbc.sql(
            """
            select * from payment_method where tenant_id = :tenant and removed_at is null
             order by case when payment_method_id = :default then 0 else 1 end, created_at, payment_method_id
             limit :size offset :offset
            """)
        .param("tenant", tenant.value())
        .param("default", defaultId == null ? NO_METHOD : defaultId.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> map(tenant, rs))
        .list();
  }

  /** The one usable method's row, locked for the caller's transaction (its removal, or a move onto it). */
  Optional<PaymentMethod> lockUsable(TenantId tenant, PaymentMethodId id) {
    return jdbc.sql(
            """
            select * from payment_method where tenant_id = :tenant and payment_method_id = :id and removed_at is null
               for update
            """)
        .param("tenant", tenant.value())
        .param("id", id.value())
        .query((rs, i) -> map(tenant, rs))
        .optional();
  }

  /** New expiry and holder name (null: none); false when it is removed or not the tenant's. */
  boolean updateDetails(TenantId tenant, PaymentMethodId id, int month, int year, @Nullable String holder) {
    return jdbc.sql(
            """
            update payment_method set expiry_month = :month, expiry_year = :year, holder_name = :holder
             where tenant_id = :tenant and payment_method_id = :id and removed_at is null
            """)
        .param("month", month)
        .param("year", year)
        .param("holder", holder, java.sql.Types.VARCHAR)
        .param("tenant", tenant.value())
        .param("id", id.value())
        .update() == 1;
  }

  /** Soft removal: payments and refunds still name the row; it is no longer offered or charged. */
  boolean remove(TenantId tenant, PaymentMethodId id, Instant now) {
    boolean removed = jdbc.sql(
            """
            update payment_method set removed_at = :now
             where tenant_id = :tenant and payment_method_id = :id and removed_at is null
            """)
        .param("now", Utc.of(now))
        .param("tenant", tenant.value())
        .param("id", id.value())
        .update() == 1;
    jdbc.sql("""
            update tenant set default_payment_method_id = null
             where tenant_id = :tenant and default_payment_method_id = :id
            """)
        .param("tenant", tenant.value()).param("id", id.value()).update();
    return removed;
  }

  /** The organisation's own choice of default (null: none, so its newest usable one is). */
  Optional<PaymentMethodId> chosenDefault(TenantId tenant) {
    return jdbc.sql("select default_payment_method_id from tenant where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query((rs, i) -> rs.getObject(1, UUID.class)).optional()
        .filter(java.util.Objects::nonNull)
        .map(PaymentMethodId::new);
  }

  /** Matches no row: PostgreSQL cannot type a null parameter compared with a uuid column. */
  private static final UUID NO_METHOD = new UUID(0, 0);
  // Issue 18 methods: end

  long count(TenantId tenant) {
    return jdbc.sql("select count(*) from payment_method where tenant_id = :tenant and removed_at is null")
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
        rs.getInt("expiry_year"),
        rs.getString("holder_name"));
  }
}
