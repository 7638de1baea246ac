package org.billingcenter.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's view of overdue money: what is owed by age (0–30, 31–60, more than 60 days after
 * the due date), who owes it, and per month what dunning and "pay now" recovered against what was
 * given up on. Currencies are never added together. The operator's calendar is UTC: "today" and the
 * months are the Clock's UTC ones, whatever each organisation's zone.
 */
@Service
public class Receivables {

  public static final int DEFAULT_MONTHS = 12;
  public static final int MAX_MONTHS = 36;
  private static final Pattern MONTHS = Pattern.compile("[0-9]{1,2}");

  private final ReceivablesRepository repository;
  private final PaymentSettings settings;
  private final Clock clock;

  Receivables(ReceivablesRepository repository, PaymentSettings settings, Clock clock) {
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
  }

  /** What one currency's overdue invoices add up to, by age. */
  public record AgeBuckets(Money upTo30Days, Money upTo60Days, Money over60Days, long organisations) {
    public Money total() {
      return upTo30Days.plus(upTo60Days).plus(over60Days);
    }
  }

  /**
   * The summary: the buckets per currency (alphabetical) on {@code today}, and the dunning schedule
   * in force (days after the due date, the setting {@code billing-center.payments.retry-days}).
   */
  public record Summary(LocalDate today, List<AgeBuckets> buckets, List<Integer> retryDays) {}

  /**
   * An organisation behind on its payments in one currency.
   *
   * @param oldestDays days since the due date of its oldest overdue invoice
   * @param uncollectible dunning gave up on at least one of them
   */
  public record OverdueOrganisation(TenantId tenant, String name, String country, Money overdue, long oldestDays,
      int invoices, boolean uncollectible) {}

  /**
   * A refund the payment provider refused: the money is still owed to the organisation, and someone
   * has to pay it back another way (issue 18).
   *
   * @param reason the provider's code ({@link DeclineCode#wire()})
   */
  public record FailedRefund(TenantId tenant, String organisation, UUID refund, UUID invoice,
      @Nullable String invoiceNumber, Money amount, @Nullable String reason, Instant failedAt) {}

  /** One UTC calendar month: taken by retries and "pay now", and given up on and still owed today. */
  public record MonthFigures(YearMonth month, Money recovered, Money lost) {}

  /** A currency's months, oldest first, zero where nothing happened. */
  public record MonthSeries(String currency, List<MonthFigures> months) {}

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  @Transactional(readOnly = true)
  public Summary summary() {
    LocalDate today = today();
    List<AgeBuckets> buckets = repository.buckets(today.minusDays(30), today.minusDays(60)).stream()
        .map(b -> new AgeBuckets(Money.of(b.upTo30(), b.currency()), Money.of(b.upTo60(), b.currency()),
            Money.of(b.over60(), b.currency()), b.organisations()))
        .toList();
    return new Summary(today, buckets, settings.schedule().retryDays());
  }

  /** Organisations with overdue invoices, oldest debt first, their name containing the search text. */
  @Transactional(readOnly = true)
  public Page<OverdueOrganisation> organisations(ReceivablesSearch search, PageRequest page) {
    LocalDate today = today();
    String pattern = search.pattern();
    long total = repository.countOrganisations(pattern);
    List<OverdueOrganisation> rows = repository.organisations(pattern, page.offset(), page.size()).stream()
        .map(r -> new OverdueOrganisation(r.tenant(), r.name(), r.country(), Money.of(r.overdue(), r.currency()),
            Math.max(0, ChronoUnit.DAYS.between(r.oldestDue(), today)),
            r.invoices(), r.uncollectible()))
        .toList();
    return new Page<>(rows, page, total);
  }

  /** Refunds the provider refused, newest first. */
  @Transactional(readOnly = true)
  public Page<FailedRefund> failedRefunds(PageRequest page) {
    List<FailedRefund> rows = repository.failedRefunds(page.offset(), page.size()).stream()
        .map(r -> new FailedRefund(r.tenant(), r.name(), r.refund(), r.invoice(), r.invoiceNumber(),
            Money.of(r.amount(), r.currency()), r.reason(), r.failedAt()))
        .toList();
    return new Page<>(rows, page, repository.countFailedRefunds());
  }

  /** The last {@code months} UTC months, the running one last; one series per currency with any figure. */
  @Transactional(readOnly = true)
  public List<MonthSeries> months(int months) {
    if (months < 1 || months > MAX_MONTHS) {
      throw new Rejected(ReceivablesReason.RECEIVABLES_MONTHS_INVALID, MAX_MONTHS);
    }
    YearMonth last = YearMonth.from(today());
    List<YearMonth> window = new ArrayList<>();
    List<Map<String, Long>> recovered = new ArrayList<>();
    List<Map<String, Long>> lost = new ArrayList<>();
    TreeSet<String> currencies = new TreeSet<>();
    for (int i = months - 1; i >= 0; i--) {
      YearMonth m = last.minusMonths(i);
      var from = m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      var to = m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      window.add(m);
      recovered.add(repository.recovered(from, to));
      lost.add(repository.lost(from, to));
      currencies.addAll(recovered.get(recovered.size() - 1).keySet());
      currencies.addAll(lost.get(lost.size() - 1).keySet());
    }
    List<MonthSeries> series = new ArrayList<>();
    for (String currency : currencies) {
      List<MonthFigures> figures = new ArrayList<>();
      for (int i = 0; i < window.size(); i++) {
        figures.add(new MonthFigures(window.get(i), Money.of(recovered.get(i).getOrDefault(currency, 0L), currency),
            Money.of(lost.get(i).getOrDefault(currency, 0L), currency)));
      }
      series.add(new MonthSeries(currency, List.copyOf(figures)));
    }
    return List.copyOf(series);
  }

  /** The months query parameter of the page and the API: absent is {@value #DEFAULT_MONTHS}. */
  public static int months(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_MONTHS;
    }
    if (!MONTHS.matcher(value).matches()) {
      throw new Rejected(ReceivablesReason.RECEIVABLES_MONTHS_INVALID, MAX_MONTHS);
    }
    return Integer.parseInt(value);
  }
}
