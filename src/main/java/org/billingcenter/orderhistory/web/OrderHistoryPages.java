package org.billingcenter.orderhistory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.PageLinks;
import org.billingcenter.orderhistory.OrderHistoryEntry;
import org.billingcenter.orderhistory.OrderHistoryFilter;
import org.billingcenter.orderhistory.OrderHistoryService;
import org.billingcenter.orderhistory.OrderHistoryType;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Order history: the organisation's purchases, license and plan changes, cancellations,
 * reactivations and credits, newest first, filtered by type, days and subscription. Unreadable
 * filters are shown on the page itself (422) with the values as typed, and no list.
 */
@Controller
class OrderHistoryPages {

  /** The filter as the form shows it again: strings, as typed (clipped). */
  record FilterForm(List<String> types, String from, String to, String subscription) {
    static FilterForm typed(List<String> types, String from, String to, String subscription) {
      return new FilterForm(types == null ? List.of() : types, clip(from, 10), clip(to, 10), clip(subscription, 36));
    }

    private static String clip(String value, int max) {
      return value == null ? "" : value.substring(0, Math.min(value.length(), max));
    }
  }

  private final OrderHistoryService history;
  private final MessageSource messages;

  OrderHistoryPages(OrderHistoryService history, MessageSource messages) {
    this.history = history;
    this.messages = messages;
  }

  @GetMapping("/billing/order-history")
  String page(@CurrentTenant TenantId tenant, @RequestParam(required = false) List<String> type,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String subscription, PageRequest page, Model model, Locale locale,
      HttpServletResponse response) {
    model.addAttribute("filter", FilterForm.typed(type, from, to, subscription));
    model.addAttribute("types", OrderHistoryType.values());
    Page<OrderHistoryEntry> entries;
    try {
      entries = history.page(tenant, OrderHistoryFilter.parse(type, from, to, subscription), page);
    } catch (Rejected e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("filterError", messages.getMessage(
          "error." + e.reason().code().toLowerCase(Locale.ROOT), e.arguments().toArray(), locale));
      entries = new Page<>(List.of(), page, 0);
    }
    model.addAttribute("entries", entries.items());
    model.addAttribute("pager", PageLinks.of(entries, "page"));
    return "orderhistory/order-history";
  }
}
