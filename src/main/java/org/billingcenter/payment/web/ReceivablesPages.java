package org.billingcenter.payment.web;

import com.ibm.icu.text.ListFormatter;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.billingcenter.api.PageLinks;
import org.billingcenter.api.PageParam;
import org.billingcenter.payment.Receivables;
import org.billingcenter.payment.ReceivablesSearch;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Receivables, /operator/receivables: overdue money by age per currency, the organisations behind
 * (searched and paged; htmx swaps that list alone), recovered vs lost for the last twelve months,
 * refunds the provider refused (paged), and the dunning schedule in force.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class ReceivablesPages {

  private final Receivables receivables;

  ReceivablesPages(Receivables receivables) {
    this.receivables = receivables;
  }

  /** A month as the table's row header: its name and year in the page's language. */
  record MonthRow(String label, Receivables.MonthFigures figures) {}

  record SeriesRows(String currency, List<MonthRow> months) {}

  @GetMapping("/operator/receivables")
  String receivables(@RequestParam(required = false) String q, PageRequest page,
      @PageParam("refundsPage") PageRequest refundsPage,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model, Locale locale) {
    ReceivablesSearch search = ReceivablesSearch.parse(q);
    Page<Receivables.OverdueOrganisation> organisations = receivables.organisations(search, page);
    model.addAttribute("search", search);
    model.addAttribute("organisations", organisations.items());
    model.addAttribute("pager", PageLinks.of(organisations, "page"));
    if (htmx != null) {
      return "payment/receivables :: organisations";
    }
    Page<Receivables.FailedRefund> refunds = receivables.failedRefunds(refundsPage);
    model.addAttribute("failedRefunds", refunds.items());
    model.addAttribute("refundsPager", PageLinks.of(refunds, "refundsPage"));
    Receivables.Summary summary = receivables.summary();
    model.addAttribute("summary", summary);
    // "1, 3, 5, 7, 14, 21 and 30" as the page's language lists things.
    model.addAttribute("retryDays", ListFormatter.getInstance(locale).format(summary.retryDays()));
    DateTimeFormatter months = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
    model.addAttribute("series", receivables.months(Receivables.DEFAULT_MONTHS).stream()
        .map(s -> new SeriesRows(s.currency(), s.months().stream()
            .map(m -> new MonthRow(label(m.month(), months), m)).toList()))
        .toList());
    return "payment/receivables";
  }

  private static String label(YearMonth month, DateTimeFormatter format) {
    return format.format(month);
  }
}
