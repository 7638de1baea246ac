package org.billingcenter.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.billing.CreditAllocation.Allocation;
import org.billingcenter.billing.CreditAllocation.Owed;
import org.billingcenter.billing.CreditAllocation.Result;
import org.billingcenter.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A credit pays overdue invoices oldest first; only what is left is refunded. */
class CreditAllocationTest {

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  /** {@code outstanding}: the overdue invoices' amounts, oldest first ("-" for none). */
  @ParameterizedTest(name = "a credit of {0} against {1} pays {2} and leaves {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # credit | outstanding, oldest first | allocated, oldest first | rest
        1000   | -                         | -                       | 1000
        1000   | 400                       | 400                     | 600
        1000   | 1000                      | 1000                    | 0
        1000   | 2500                      | 1000                    | 0
        1000   | 300 500                   | 300 500                 | 200
        1000   | 300 500 900               | 300 500 200             | 0
        1000   | 900 300                   | 900 100                 | 0
        0      | 300                       | -                       | 0
        1      | 300 300                   | 1                       | 0
      """)
  void oldest_first_as_far_as_the_credit_reaches(long credit, String outstanding, String allocated, long rest) {
    List<Owed> owed = amounts(outstanding).stream().map(m -> new Owed(UUID.randomUUID(), eur(m))).toList();
    Result result = CreditAllocation.allocate(eur(credit), owed);
    assertThat(result.allocations()).extracting(a -> a.amount().minor()).containsExactlyElementsOf(amounts(allocated));
    List<UUID> paidInOrder = owed.subList(0, result.allocations().size()).stream().map(Owed::invoice).toList();
    assertThat(result.allocations()).extracting(Allocation::invoice).containsExactlyElementsOf(paidInOrder);
    assertThat(result.rest()).isEqualTo(eur(rest));
    long total = result.allocations().stream().mapToLong(a -> a.amount().minor()).sum() + result.rest().minor();
    assertThat(total).as("nothing made or lost").isEqualTo(credit);
  }

  @Test
  void an_invoice_paid_in_full_is_covered_one_paid_in_part_is_not() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    Result result = CreditAllocation.allocate(eur(700), List.of(new Owed(first, eur(500)), new Owed(second, eur(500))));
    assertThat(result.allocations()).containsExactly(
        new Allocation(first, eur(500), true), new Allocation(second, eur(200), false));
  }

  @Test
  void an_invoice_in_another_currency_is_passed_over() {
    UUID dollars = UUID.randomUUID();
    UUID euros = UUID.randomUUID();
    Result result = CreditAllocation.allocate(eur(700),
        List.of(new Owed(dollars, Money.of(500, "USD")), new Owed(euros, eur(300))));
    assertThat(result.allocations()).containsExactly(new Allocation(euros, eur(300), true));
    assertThat(result.rest()).isEqualTo(eur(400));
  }

  @Test
  void a_negative_credit_is_a_programming_error() {
    assertThatThrownBy(() -> CreditAllocation.allocate(eur(-1), List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Long> amounts(String cell) {
    if (cell.equals("-")) {
      return List.of();
    }
    return new ArrayList<>(Arrays.stream(cell.trim().split(" +")).map(Long::valueOf).collect(Collectors.toList()));
  }
}
