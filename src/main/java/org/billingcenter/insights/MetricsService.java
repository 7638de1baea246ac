package org.billingcenter.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.billingcenter.insights.MetricsRepository.Callback;
import org.billingcenter.insights.MetricsRepository.RunRate;
import org.billingcenter.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's series: MRR and active subscriptions per currency for the last twelve months,
 * cancellations per month by reason, callback requests per week with the median wait for a first
 * call. Months and weeks are UTC calendar ones: the service is run from one place for all time zones.
 */
@Service
public class MetricsService {

  public static final int MONTHS = 12;
  public static final int WEEKS = 12;

  private final MetricsRepository repository;
  private final Clock clock;

  MetricsService(MetricsRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public LocalDate today() {
    return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** One series per currency that had a paying subscription in any of the months; zero where none. */
  @Transactional(readOnly = true)
  public List<MrrSeries> mrr() {
    LocalDate today = today();
    List<YearMonth> months = SeriesMath.lastMonths(today, MONTHS);
    Map<String, Map<YearMonth, RunRate>> byCurrency = new TreeMap<>();
    for (YearMonth month : months) {
      for (RunRate rate : repository.runRates(SeriesMath.measuredOn(month, today))) {
        byCurrency.computeIfAbsent(rate.currency(), c -> new TreeMap<>()).put(month, rate);
      }
    }
    List<MrrSeries> series = new ArrayList<>();
    byCurrency.forEach((code, rates) -> {
      Currency currency = Currency.getInstance(code);
      series.add(new MrrSeries(currency, months.stream().map(m -> point(m, today, currency, rates.get(m))).toList()));
    });
    return series;
  }

  private static MrrPoint point(YearMonth month, LocalDate today, Currency currency, RunRate rate) {
    long minor = rate == null ? 0 : SeriesMath.monthlyRunRate(rate.monthlyMinor(), rate.annualMinor());
    return new MrrPoint(month, SeriesMath.measuredOn(month, today), new Money(minor, currency),
        rate == null ? 0 : rate.subscriptions());
  }

  @Transactional(readOnly = true)
  public List<CancellationMonth> cancellations() {
    return SeriesMath.lastMonths(today(), MONTHS).stream()
        .map(m -> new CancellationMonth(m, repository.cancellationsByReason(start(m.atDay(1)), start(m.plusMonths(1).atDay(1)))))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<CallbackWeek> callbacks() {
    List<LocalDate> weeks = SeriesMath.lastWeeks(today(), WEEKS);
    List<Callback> all = repository.callbacks(start(weeks.get(0)), start(weeks.get(weeks.size() - 1).plusWeeks(1)));
    return weeks.stream().map(monday -> week(monday, all)).toList();
  }

  private static CallbackWeek week(LocalDate monday, List<Callback> all) {
    Instant from = start(monday);
    Instant until = start(monday.plusWeeks(1));
    List<Callback> inWeek = all.stream()
        .filter(c -> !c.requestedAt().isBefore(from) && c.requestedAt().isBefore(until)).toList();
    List<Duration> waits = inWeek.stream().map(Callback::toFirstCall).filter(Objects::nonNull).toList();
    return new CallbackWeek(monday, inWeek.size(), waits.size(), SeriesMath.median(waits).orElse(null));
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
