package org.billingcenter.catalog;

import java.util.List;
import java.util.Optional;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog is global reference data, so these statements have no tenant to filter by. */
@Repository
class PlanRepository {

  private static final String SELECT =
      """
      select p.plan_id, p.product_id, pr.name as product_name, p.unit_price_minor, p.currency,
             p.billing_frequency, p.commitment_term, p.trial_days, p.trial_licenses,
             p.max_quantity, p.upgrade_rank
        from plan p join product pr on pr.product_id = p.product_id
      """;

  private static final RowMapper<Plan> PLAN =
      (rs, i) ->
          new Plan(
              rs.getString("plan_id"),
              rs.getString("product_id"),
              rs.getString("product_name"),
              Money.of(rs.getLong("unit_price_minor"), rs.getString("currency")),
              BillingFrequency.valueOf(rs.getString("billing_frequency")),
              BillingFrequency.valueOf(rs.getString("commitment_term")),
              rs.getInt("trial_days"),
              rs.getInt("trial_licenses"),
              rs.getObject("max_quantity", Integer.class),
              rs.getInt("upgrade_rank"));

  private static final String MATCHING =
      " where (lower(pr.name) like :q escape '!' or lower(p.plan_id) like :q escape '!')";

  private static final String ORDER = " order by pr.name, p.upgrade_rank, p.plan_id";

  private final JdbcClient jdbc;

  PlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Plan> list() {
    return jdbc.sql(SELECT + ORDER).query(PLAN).list();
  }

  /** The plans of these ids (a page's rows), none for none. */
  List<Plan> list(java.util.Collection<String> ids) {
    return ids.isEmpty() ? List.of() : jdbc.sql(SELECT + " where p.plan_id in (:ids)" + ORDER).param("ids", ids).query(PLAN).list();
  }

  List<Plan> list(PageRequest page) {
    return jdbc.sql(SELECT + ORDER + " limit :size offset :offset")
        .param("size", page.size())
        .param("offset", page.offset())
        .query(PLAN)
        .list();
  }

  long count() {
    return jdbc.sql("select count(*) from plan").query(Long.class).single();
  }

  Optional<Plan> find(String planId) {
    return jdbc.sql(SELECT + " where p.plan_id = :plan").param("plan", planId).query(PLAN).optional();
  }

  /**
   * A page of the plans whose product name or plan id contains {@code like} (a lower-case LIKE
   * pattern, its own {@code !}, {@code %} and {@code _} escaped with {@code !}), by product.
   */
  List<Plan> search(String like, PageRequest page) {
    return jdbc.sql(SELECT + MATCHING + ORDER + " limit :size offset :offset")
        .param("q", like)
        .param("size", page.size())
        .param("offset", page.offset())
        .query(PLAN)
        .list();
  }

  long countMatching(String like) {
    return jdbc.sql("select count(*) from plan p join product pr on pr.product_id = p.product_id" + MATCHING)
        .param("q", like)
        .query(Long.class)
        .single();
  }

  /** Locks the plan's row: price changes and retirements of one plan happen one after the other. */
  Optional<Plan> lock(String planId) {
    return jdbc.sql(SELECT + " where p.plan_id = :plan for update").param("plan", planId).query(PLAN).optional();
  }

  boolean retired(String planId) {
    return jdbc.sql("select count(*) from plan where plan_id = :plan and retired_at is not null")
        .param("plan", planId).query(Long.class).single() > 0;
  }

  java.util.Set<String> retiredIds() {
    return new java.util.HashSet<>(
        jdbc.sql("select plan_id from plan where retired_at is not null").query(String.class).list());
  }

  void retire(String planId, java.time.Instant at) {
    jdbc.sql("update plan set retired_at = :at where plan_id = :plan")
        .param("at", org.billingcenter.shared.Utc.of(at)).param("plan", planId).update();
  }

  void unretire(String planId) {
    jdbc.sql("update plan set retired_at = null where plan_id = :plan").param("plan", planId).update();
  }

  void insert(Plan plan) {
    jdbc.sql(
            """
            insert into product (product_id, name)
            select :product, :name where not exists
                (select 1 from product where product_id = :product)
            """)
        .param("product", plan.productId())
        .param("name", plan.productName())
        .update();
    jdbc.sql(
            """
            insert into plan (plan_id, product_id, unit_price_minor, currency, billing_frequency,
                              commitment_term, trial_days, trial_licenses, max_quantity, upgrade_rank)
            values (:plan, :product, :price, :currency, :frequency, :term, :trialDays, :trialLicenses,
                    :maxQuantity, :upgradeRank)
            """)
        .param("plan", plan.id())
        .param("product", plan.productId())
        .param("price", plan.unitPrice().minor())
        .param("currency", plan.unitPrice().currency().getCurrencyCode())
        .param("frequency", plan.billingFrequency().name())
        .param("term", plan.commitmentTerm().name())
        .param("trialDays", plan.trialDays())
        .param("trialLicenses", plan.trialLicenses())
        .param("maxQuantity", plan.maxQuantity())
        .param("upgradeRank", plan.upgradeRank())
        .update();
  }
}
