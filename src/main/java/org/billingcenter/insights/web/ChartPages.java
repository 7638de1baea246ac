package org.billingcenter.insights.web;

import java.util.Locale;
import org.billingcenter.insights.MetricsService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Charts, /operator/charts: drawn on the server as SVG (no script, no charting library), each with
 * its figures as a table beside it, in the page's language.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class ChartPages {

  private final MetricsService metrics;
  private final ChartViews views;

  ChartPages(MetricsService metrics, ChartViews views) {
    this.metrics = metrics;
    this.views = views;
  }

  @GetMapping("/operator/charts")
  String charts(Model model, Locale locale) {
    model.addAttribute("mrr", metrics.mrr().stream().map(s -> views.mrr(s, locale)).toList());
    model.addAttribute("cancellations", views.cancellations(metrics.cancellations(), locale));
    model.addAttribute("callbacks", views.callbacks(metrics.callbacks(), locale));
    return "insights/charts";
  }
}
