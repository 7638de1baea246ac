package org.billingcenter.orderhistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.billingcenter.orderhistory.AuditAmounts.Amounts;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order history's mapping of audit actions, the amounts it reads from them, and its filters. */
class OrderHistoryActionsTest {

  /** The services' sources, without this module (whose table names every action). */
  static String sources() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/billingcenter"))) {
      return files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/orderhistory/"))
          .map(p -> {
            try {
              return Files.readString(p);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .reduce("", String::concat);
    }
  }

  @Test
  void every_mapped_action_is_really_recorded_by_a_service() throws IOException {
    String code = sources();
    assertThat(OrderHistoryActions.TABLE.keySet()).allSatisfy(action ->
        assertThat(code).as(action).contains("\"" + action + "\""));
    assertThat(code).contains("audit.record(");
  }

  @Test
  void every_type_has_at_least_one_action_and_an_empty_filter_means_every_action() {
    for (OrderHistoryType type : OrderHistoryType.values()) {
      assertThat(OrderHistoryActions.actions(Set.of(type))).as(type.name()).isNotEmpty();
    }
    assertThat(OrderHistoryActions.actions(Set.of())).isEqualTo(OrderHistoryActions.TABLE.keySet());
    assertThat(OrderHistoryActions.TABLE).doesNotContainKeys("QUANTITY_CHANGED", "PLAN_CHANGED", "PRORATED_CHARGE_RECORDED");
  }

  @ParameterizedTest(name = "{0} [{1}] → {2} scheduled={3}")
  @CsvSource(delimiter = '|', value = {
      "LICENSES_BOUGHT   | 8 licenses NOW on 2026-03-15, CHARGE 25.16 EUR on 2026-04-10 | LICENSES_ADDED   | false",
      "LICENSES_REMOVED  | 3 licenses AT_RENEWAL on 2026-04-10                          | LICENSES_REMOVED | true",
      "PLAN_CHANGE_SCHEDULED | basic on 2026-04-10                                     | PLAN_CHANGE      | true",
      "SUBSCRIPTION_ENDING_SCHEDULED | ends on 2026-04-10                              | CANCELLATION     | true",
      "CREDIT_RECORDED   | 33.87 EUR pending, returned on 2026-04-10                      | CREDIT           | false",
  })
  void actions_map_to_types_and_scheduled_changes_say_so(String action, String after, OrderHistoryType type,
      boolean scheduled) {
    assertThat(OrderHistoryActions.of(action, after)).contains(new OrderHistoryActions.Mapping(type, scheduled));
  }

  @ParameterizedTest(name = "{0} [{1}] → charge {2}, credit {3}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "LICENSES_BOUGHT  | 8 licenses NOW on 2026-03-15, CHARGE 25.16 EUR on 2026-04-10 | 2516 | -",
      "LICENSES_REMOVED | 3 licenses NOW on 2026-03-15, CREDIT 16.77 EUR on 2026-04-10 | -    | 1677",
      "LICENSES_BOUGHT  | 8 licenses AT_RENEWAL on 2026-04-10                          | -    | -",
      "PLAN_CHANGED_NOW | premium on 2026-03-20: credit 32.26 EUR on 2026-04-10, charge 70.97 EUR on 2026-04-10 | 7097 | 3226",
      "PLAN_CHANGED_NOW | premium on 2026-03-20: credit 0.00 EUR on 2026-04-10, charge 70.97 EUR on 2026-04-10  | 7097 | -",
      "CREDIT_RECORDED  | 33.87 EUR pending for x, returned on 2026-04-10              | -    | 3387",
      "CREDIT_RECORDED  | not an amount                                               | -    | -",
      "SUBSCRIPTION_CANCELLED | DISABLED                                              | -    | -",
  })
  void amounts_are_read_from_the_audit_rows_after_state(String action, String after, Long charge, Long credit) {
    Amounts amounts = AuditAmounts.of(action, after);
    assertThat(amounts.charge()).isEqualTo(charge == null ? null : Money.of(charge, "EUR"));
    assertThat(amounts.credit()).isEqualTo(credit == null ? null : Money.of(credit, "EUR"));
  }

  @Test
  void a_yen_amount_keeps_its_zero_fraction_digits() {
    assertThat(AuditAmounts.of("CREDIT_RECORDED", "500 JPY pending").credit()).isEqualTo(Money.of(500, "JPY"));
  }

  @ParameterizedTest(name = "{0} / {1} → assisted {2}")
  @CsvSource(nullValues = "-", value = {
      "support:eve, -,                        true",
      "eve,         OTHER — assisted: by phone, true",
      "admin-1,     TOO_EXPENSIVE,            false",
      "admin-1,     -,                        false",
  })
  void support_engineers_actions_are_recognised(String actor, String reason, boolean assisted) {
    assertThat(OrderHistoryActions.assisted(actor, reason)).isEqualTo(assisted);
  }

  @ParameterizedTest(name = "types {0}, {1}–{2}, subscription {3} is refused")
  @CsvSource(nullValues = "-", value = {
      "PURCHASE;NOPE, -,          -,          -",
      "-,             2026-02-30, -,          -",
      "-,             2026-03-20, 2026-03-19, -",
      "-,             -,          -,          not-a-uuid",
      "-,             20260320,   -,          -",
  })
  void unreadable_filters_are_refused_with_one_code(String types, String from, String to, String subscription) {
    List<String> chosen = types == null ? null : List.of(types.split(";"));
    assertThatThrownBy(() -> OrderHistoryFilter.parse(chosen, from, to, subscription))
        .isInstanceOfSatisfying(Rejected.class,
            e -> assertThat(e.reason()).isEqualTo(OrderHistoryReason.ORDER_HISTORY_FILTER_INVALID));
  }

  @Test
  void an_empty_filter_lists_everything() {
    assertThat(OrderHistoryFilter.parse(List.of(""), "", null, " ")).isEqualTo(OrderHistoryFilter.ALL);
  }
}
