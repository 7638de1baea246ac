package org.billingcenter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.SubscriptionId;
import org.junit.jupiter.api.Test;

class EventDataTest {

  @Test
  void fields_keep_the_catalogue_order_and_a_field_that_does_not_apply_is_left_out() {
    SubscriptionId id = SubscriptionId.of("0b6f7a2c-1d0e-4c1b-9a51-3c7f2e9d4a10");
    Map<String, Object> data = EventData.of("subscriptionId", id)
        .with("trialEnd", null)
        .with("quantity", 3)
        .with("onBehalf", false)
        .asMap();
    assertThat(data).containsExactly(
        Map.entry("subscriptionId", "0b6f7a2c-1d0e-4c1b-9a51-3c7f2e9d4a10"),
        Map.entry("quantity", 3),
        Map.entry("onBehalf", false));
  }

  @Test
  void amounts_are_minor_units_and_currency_and_dates_are_iso_text() {
    Map<String, Object> data = EventData.of("amount", Money.of(11613, "EUR"))
        .with("returnsOn", LocalDate.of(2026, 4, 10))
        .with("cancelledAt", Instant.parse("2026-03-11T09:12:44Z"))
        .asMap();
    assertThat(data.get("amount")).isEqualTo(Map.of("minor", 11613L, "currency", "EUR"));
    assertThat(data.get("returnsOn")).isEqualTo("2026-04-10");
    assertThat(data.get("cancelledAt")).isEqualTo("2026-03-11T09:12:44Z");
  }

  @Test
  void a_nullable_field_is_kept_with_its_null() {
    assertThat(EventData.of("field", "cancellation").withNullable("to", null).asMap())
        .containsEntry("to", null).hasSize(2);
  }
}
