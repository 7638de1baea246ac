package org.billingcenter.subscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Billing › Your products shows, read in one read-only transaction: it was four (the rows and
 * their count, the catalog's plans, the pending changes), each a connection checkout, a BEGIN and
 * a COMMIT of its own on the busiest page.
 */
@Service
public class ProductsOverview {

  private final SubscriptionService subscriptions;
  private final CatalogService catalog;
  private final TenantService tenants;

  ProductsOverview(SubscriptionService subscriptions, CatalogService catalog, TenantService tenants) {
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.tenants = tenants;
  }

  /**
   * @param plans the rows' plans by id (a row's plan, frequency and price today)
   * @param scheduled the rows' changes waiting for their renewal
   * @param nextBillingDate the organisation's next billing date (the help panel's sentence on when a
   *     credit comes back), null before its first paid period
   */
  public record Overview(Page<SubscriptionSummary> rows, Map<String, Plan> plans,
      Map<SubscriptionId, List<ScheduledChange>> scheduled, @Nullable LocalDate nextBillingDate) {

    /**
     * The organisation's whole list when this page holds all of it (most organisations), else null:
     * the help panel beside the list weighs every subscription and need not read them again.
     */
    public @Nullable List<SubscriptionSummary> everySubscription() {
      return rows.request().page() == 1 && rows.items().size() == rows.total() ? rows.items() : null;
    }
  }

  @Transactional(readOnly = true)
  public Overview read(TenantId tenant, PageRequest page) {
    Page<SubscriptionSummary> rows = subscriptions.list(tenant, page);
    Map<String, Plan> plans = catalog.plansById(rows.items().stream().map(r -> r.subscription().planId()).toList());
    // One query for the whole page: which rows have a change waiting for their renewal.
    return new Overview(rows, plans,
        subscriptions.pendingChanges(tenant, rows.items().stream().map(r -> r.subscription().id()).toList()),
        tenants.nextBillingDate(tenant).orElse(null));
  }
}
