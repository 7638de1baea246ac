package org.billingcenter.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.billingcenter.account.Role;
import org.billingcenter.billing.PeriodCharge;
import org.billingcenter.billing.Proration;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationDecision;
import org.billingcenter.cancellation.CancellationPolicy;
import org.billingcenter.cancellation.CancellationSnapshot;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.BillingPeriod;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.RefundWindow;
import org.billingcenter.subscription.SubscriptionStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the pure rules, to catch regressions (bin/benchmark-jmh). The baseline in the same
 * run is {@link #baselineMultiplyAndRound}: the single BigDecimal multiply-and-round every
 * proration does once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RulesBenchmark {

  final PeriodCharge charge = new PeriodCharge(
      BillingPeriod.nth(LocalDate.of(2026, 1, 31), 1, BillingFrequency.MONTHLY), Money.of(1250, "EUR"), 24, Money.of(30_000, "EUR"));
  final LocalDate day = LocalDate.of(2026, 3, 10);
  final Money amount = Money.of(30_000, "EUR");

  final CancellationSnapshot allowed = snapshot(24);
  final CancellationSnapshot tooMany = snapshot(180);

  static CancellationSnapshot snapshot(int assigned) {
    List<MemberId> members = IntStream.range(0, assigned).mapToObj(i -> MemberId.random()).toList();
    BillingPeriod period = BillingPeriod.nth(LocalDate.of(2026, 1, 31), 1, BillingFrequency.MONTHLY);
    return new CancellationSnapshot(SubscriptionStatus.ACTIVE, false, members, 25, true, null, Set.of(Role.GLOBAL_ADMIN),
        CancelWhen.NOW, Instant.parse("2026-03-10T10:00:00Z"), LocalDate.of(2026, 3, 10), period,
        Optional.of(new PeriodCharge(period, Money.of(1250, "EUR"), 30, Money.of(37_500, "EUR"))), LocalDate.of(2026, 3, 31),
        Currency.getInstance("EUR"), RefundWindow.NONE, null);
  }

  @Benchmark
  public Money proration() {
    return Proration.credit(charge, day);
  }

  @Benchmark
  public CancellationDecision policyAllowedWithPreview() {
    return CancellationPolicy.decide(allowed);
  }

  @Benchmark
  public CancellationDecision policyTooManyLicenses() {
    return CancellationPolicy.decide(tooMany);
  }

  @Benchmark
  public Money baselineMultiplyAndRound() {
    return amount.multiplyAndRound(19, 31);
  }
}
