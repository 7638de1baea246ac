package org.billingcenter.orderhistory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.OffsetDateTime;
import java.util.List;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Paged;
import org.billingcenter.orderhistory.OrderHistoryEntry;
import org.billingcenter.orderhistory.OrderHistoryFilter;
import org.billingcenter.orderhistory.OrderHistoryService;
import org.billingcenter.orderhistory.OrderHistoryType;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's order history, newest first, read from its audit trail. */
@RestController
@RequestMapping("/api/v1/order-history")
class OrderHistoryApi {

  private final OrderHistoryService history;

  OrderHistoryApi(OrderHistoryService history) {
    this.history = history;
  }

  /**
   * One entry. {@code at} carries the organisation's UTC offset; {@code assisted}: a support engineer
   * did it on the organisation's behalf; {@code charge}/{@code credit}: what it charged or credited, if anything.
   */
  record OrderHistoryView(String id, OffsetDateTime at, OrderHistoryType type, boolean scheduled,
      @Nullable String subscriptionId, @Nullable String productName, String actor, boolean assisted,
      @Nullable MoneyView charge, @Nullable MoneyView credit) {
    static OrderHistoryView of(OrderHistoryEntry e) {
      return new OrderHistoryView(e.id().toString(), e.at(), e.type(), e.scheduled(),
          e.subscription() == null ? null : e.subscription().toString(), e.productName(), e.actor(), e.assisted(),
          e.charge() == null ? null : MoneyView.of(e.charge()), e.credit() == null ? null : MoneyView.of(e.credit()));
    }
  }

  @Operation(summary = "Purchases, license and plan changes, cancellations, reactivations and credits, newest first "
      + "(paged). 422 ORDER_HISTORY_FILTER_INVALID for an unknown type, a bad date or subscription id, from after to.")
  @GetMapping
  ResponseEntity<List<OrderHistoryView>> list(@CurrentTenant TenantId tenant,
      @Parameter(description = "Types to list (repeat the parameter); none: all.") @RequestParam(required = false) List<String> type,
      @Parameter(description = "First tenant-local day, ISO date.") @RequestParam(required = false) String from,
      @Parameter(description = "Last tenant-local day (inclusive), ISO date.") @RequestParam(required = false) String to,
      @Parameter(description = "Only this subscription (and its credits).") @RequestParam(required = false) String subscription,
      PageRequest page) {
    OrderHistoryFilter filter = OrderHistoryFilter.parse(type, from, to, subscription);
    return Paged.ok(history.page(tenant, filter, page).map(OrderHistoryView::of));
  }
}
