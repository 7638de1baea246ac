package org.billingcenter.insights.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.billingcenter.api.MoneyView;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.insights.CallbackWeek;
import org.billingcenter.insights.CancellationMonth;
import org.billingcenter.insights.ChartGeometry;
import org.billingcenter.insights.MrrPoint;
import org.billingcenter.insights.MrrSeries;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns the operator's series into {@link ChartView}s in the page's language: month names, dates
 * and numbers formatted for the locale (the month and date patterns come from the bundles, so each
 * language writes them its own way), money in the series' own currency.
 */
@Component
class ChartViews {

  static final int WIDTH = 640;
  static final int HEIGHT = 260;
  static final String LINE = "#0f6cbd";
  static final String BAR = "#5b8fd1";
  /** One colour per leaving reason, told apart without colour too: each has a legend entry and a table column. */
  static final List<String> REASON_FILLS = List.of("#a4262c", "#ca5010", "#8764b8", "#038387", "#498205", "#69797e");

  private final MessageSource messages;

  ChartViews(MessageSource messages) {
    this.messages = messages;
  }

  List<ChartView> mrr(MrrSeries series, Locale locale) {
    String code = series.currency().getCurrencyCode();
    List<MrrPoint> points = series.points();
    List<Long> major = points.stream().map(p -> p.mrr().toMajor().setScale(0, java.math.RoundingMode.HALF_UP).longValue()).toList();
    List<Long> active = points.stream().map(MrrPoint::activeSubscriptions).toList();
    NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
    ChartView.Builder money = months(new ChartView.Builder("mrr-" + code, ChartGeometry.of(WIDTH, HEIGHT, major, points.size())),
        points.stream().map(MrrPoint::month).toList(), locale).yLabels(numbers::format);
    money.line(major, LINE, points.stream().map(p -> MoneyView.format(p.mrr(), locale)).toList());
    ChartView.Builder count = months(new ChartView.Builder("active-" + code, ChartGeometry.of(WIDTH, HEIGHT, active, points.size())),
        points.stream().map(MrrPoint::month).toList(), locale).yLabels(numbers::format);
    for (int i = 0; i < points.size(); i++) {
      count.bar(i, 0, active.get(i), BAR, numbers.format(active.get(i)));
    }
    List<String> columns = List.of(text("charts.col.month", locale), text("charts.col.mrr", locale),
        text("charts.col.active", locale));
    List<List<String>> rows = points.stream().map(p -> List.of(monthName(p.month(), locale),
        MoneyView.format(p.mrr(), locale), numbers.format(p.activeSubscriptions()))).toList();
    money.columns = columns;
    money.rows.addAll(rows);
    String first = MoneyView.format(points.get(0).mrr(), locale);
    String last = MoneyView.format(points.get(points.size() - 1).mrr(), locale);
    return List.of(
        money.build(text("charts.mrr.heading", locale, code), text("charts.mrr.summary", locale, code, first, last)),
        count.build(text("charts.active.heading", locale, code), text("charts.active.summary", locale, code,
            numbers.format(active.get(0)), numbers.format(active.get(active.size() - 1)))));
  }

  ChartView cancellations(List<CancellationMonth> months, Locale locale) {
    List<Long> totals = months.stream().map(CancellationMonth::total).toList();
    NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
    ChartView.Builder chart = months(new ChartView.Builder("cancellations", ChartGeometry.of(WIDTH, HEIGHT, totals, months.size())),
        months.stream().map(CancellationMonth::month).toList(), locale).yLabels(numbers::format);
    LeavingReason[] reasons = LeavingReason.values();
    List<String> columns = new ArrayList<>(List.of(text("charts.col.month", locale)));
    for (int r = 0; r < reasons.length; r++) {
      String name = text("cancel.reason." + reasons[r].name(), locale);
      chart.legend.add(new ChartView.Legend(REASON_FILLS.get(r % REASON_FILLS.size()), name));
      columns.add(name);
    }
    columns.add(text("charts.col.total", locale));
    chart.columns = columns;
    for (int i = 0; i < months.size(); i++) {
      CancellationMonth m = months.get(i);
      long below = 0;
      List<String> row = new ArrayList<>(List.of(monthName(m.month(), locale)));
      for (int r = 0; r < reasons.length; r++) {
        long n = m.count(reasons[r].name());
        if (n > 0) {
          chart.bar(i, below, below + n, REASON_FILLS.get(r % REASON_FILLS.size()), text("charts.bar.reason", locale, chart.legend.get(r).text(), numbers.format(n)));
        }
        below += n;
        row.add(numbers.format(n));
      }
      row.add(numbers.format(m.total()));
      chart.rows.add(row);
    }
    long all = totals.stream().mapToLong(Long::longValue).sum();
    return chart.build(text("charts.cancellations.heading", locale), text("charts.cancellations.summary", locale, all));
  }

  List<ChartView> callbacks(List<CallbackWeek> weeks, Locale locale) {
    NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
    DateTimeFormatter day = DateTimeFormatter.ofPattern(text("charts.format.week", locale), locale);
    List<Long> requests = weeks.stream().map(CallbackWeek::requests).toList();
    List<Long> minutes = weeks.stream().map(w -> w.medianToFirstCall() == null ? null : w.medianToFirstCall().toMinutes()).toList();
    ChartView.Builder count = weeks(new ChartView.Builder("callbacks", ChartGeometry.of(WIDTH, HEIGHT, requests, weeks.size())),
        weeks, day).yLabels(numbers::format);
    ChartView.Builder wait = weeks(new ChartView.Builder("first-call", ChartGeometry.of(WIDTH, HEIGHT,
        minutes.stream().map(m -> m == null ? 0L : m).toList(), weeks.size())), weeks, day).yLabels(numbers::format);
    List<String> waits = minutes.stream().map(m -> m == null ? text("charts.none", locale) : text("charts.minutes", locale, m)).toList();
    for (int i = 0; i < weeks.size(); i++) {
      count.bar(i, 0, requests.get(i), BAR, numbers.format(requests.get(i)));
    }
    wait.line(minutes, LINE, waits);
    count.columns = List.of(text("charts.col.week", locale), text("charts.col.requests", locale),
        text("charts.col.called", locale), text("charts.col.median", locale));
    for (int i = 0; i < weeks.size(); i++) {
      CallbackWeek w = weeks.get(i);
      count.rows.add(List.of(day.format(w.monday()), numbers.format(w.requests()), numbers.format(w.called()), waits.get(i)));
    }
    long all = requests.stream().mapToLong(Long::longValue).sum();
    return List.of(count.build(text("charts.callbacks.heading", locale), text("charts.callbacks.summary", locale, all)),
        wait.build(text("charts.wait.heading", locale), text("charts.wait.summary", locale)));
  }

  private ChartView.Builder months(ChartView.Builder chart, List<YearMonth> months, Locale locale) {
    DateTimeFormatter shortName = DateTimeFormatter.ofPattern(text("charts.format.month-short", locale), locale);
    DateTimeFormatter year = DateTimeFormatter.ofPattern(text("charts.format.year", locale), locale);
    for (int i = 0; i < months.size(); i++) {
      YearMonth m = months.get(i);
      chart.xLabel(i, shortName.format(m), i == 0 || m.getMonth() == Month.JANUARY ? year.format(m) : null);
    }
    return chart;
  }

  private static ChartView.Builder weeks(ChartView.Builder chart, List<CallbackWeek> weeks, DateTimeFormatter day) {
    for (int i = 0; i < weeks.size(); i++) {
      LocalDate monday = weeks.get(i).monday();
      chart.xLabel(i, day.format(monday), null);
    }
    return chart;
  }

  private String monthName(YearMonth month, Locale locale) {
    return DateTimeFormatter.ofPattern(text("charts.format.month", locale), locale).format(month);
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
