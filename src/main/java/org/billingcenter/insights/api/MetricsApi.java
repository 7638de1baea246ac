package org.billingcenter.insights.api;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.billingcenter.api.MoneyView;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.insights.CallbackWeek;
import org.billingcenter.insights.CancellationMonth;
import org.billingcenter.insights.MetricsService;
import org.billingcenter.insights.MrrPoint;
import org.billingcenter.insights.MrrSeries;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The series behind the operator's charts, as JSON: months and weeks are UTC calendar ones, oldest first. */
@RestController
@RequestMapping("/api/v1/operator/metrics")
@PreAuthorize("hasRole('OPERATOR')")
class MetricsApi {

  /** {@code month} as 2026-03; measured on its last day, or today for the running month. */
  record MrrPointView(String month, LocalDate measuredOn, MoneyView mrr, long activeSubscriptions) {
    static MrrPointView of(MrrPoint p) {
      return new MrrPointView(p.month().toString(), p.measuredOn(), MoneyView.of(p.mrr()), p.activeSubscriptions());
    }
  }

  record MrrSeriesView(String currency, List<MrrPointView> points) {}

  /**
   * The series are fixed windows (12 months, 12 weeks), not lists that grow: each answer is one object,
   * its series inside, so nothing here needs paging.
   */
  record MrrView(List<MrrSeriesView> series) {}

  record CancellationsView(List<CancellationMonthView> months) {}

  record CallbacksView(List<CallbackWeekView> weeks) {}

  /** {@code byReason} has every leaving reason, zero where none. */
  record CancellationMonthView(String month, long total, Map<String, Long> byReason) {
    static CancellationMonthView of(CancellationMonth m) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (LeavingReason reason : LeavingReason.values()) {
        counts.put(reason.name(), m.count(reason.name()));
      }
      return new CancellationMonthView(m.month().toString(), m.total(), counts);
    }
  }

  /** {@code medianMinutesToFirstCall}: null when no request of the week has had a call yet. */
  record CallbackWeekView(LocalDate weekStart, long requests, long called, @Nullable Long medianMinutesToFirstCall) {
    static CallbackWeekView of(CallbackWeek w) {
      return new CallbackWeekView(w.monday(), w.requests(), w.called(),
          w.medianToFirstCall() == null ? null : w.medianToFirstCall().toMinutes());
    }
  }

  private final MetricsService metrics;

  MetricsApi(MetricsService metrics) {
    this.metrics = metrics;
  }

  @Operation(summary = "MRR and paying subscriptions per currency for the last 12 months, from the periods charged "
      + "on invoices (annual plans count a twelfth). Operator only.")
  @GetMapping("/mrr")
  MrrView mrr() {
    return new MrrView(metrics.mrr().stream()
        .map(s -> new MrrSeriesView(s.currency().getCurrencyCode(), s.points().stream().map(MrrPointView::of).toList()))
        .toList());
  }

  @Operation(summary = "Cancellations (not undone) per month for the last 12 months, by leaving reason. Operator only.")
  @GetMapping("/cancellations")
  CancellationsView cancellations() {
    return new CancellationsView(metrics.cancellations().stream().map(CancellationMonthView::of).toList());
  }

  @Operation(summary = "Callback requests per ISO week for the last 12 weeks, with the median time to the first "
      + "call (first claim or note). Operator only.")
  @GetMapping("/callbacks")
  CallbacksView callbacks() {
    return new CallbacksView(metrics.callbacks().stream().map(CallbackWeekView::of).toList());
  }
}
