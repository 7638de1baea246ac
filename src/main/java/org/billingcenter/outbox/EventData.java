package org.billingcenter.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.billingcenter.shared.Money;

/**
 * An event's {@code data} object as docs/EVENTS.md shows it, built in the catalogue's field order:
 * a null value leaves its field out (the catalogue's "present only when it applies"), amounts
 * become {@code {"minor", "currency"}}, dates and instants their ISO text, ids their text.
 */
public final class EventData {

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private EventData() {}

  public static EventData of(String name, Object value) {
    return new EventData().with(name, value);
  }

  public EventData with(String name, Object value) {
    if (value != null) {
      fields.put(name, plain(value));
    }
    return this;
  }

  /** A field that is always present, null included (a value that was removed, say). */
  public EventData withNullable(String name, Object value) {
    fields.put(name, value == null ? null : plain(value));
    return this;
  }

  /** What the outbox serialises. */
  public Map<String, Object> asMap() {
    return Collections.unmodifiableMap(fields);
  }

  /** {@code {"minor": 12345, "currency": "EUR"}}, as every amount in the catalogue. */
  public static Map<String, Object> amount(Money money) {
    Map<String, Object> amount = new LinkedHashMap<>();
    amount.put("minor", money.minor());
    amount.put("currency", money.currency().getCurrencyCode());
    return amount;
  }

  private static Object plain(Object value) {
    if (value instanceof Money money) {
      return amount(money);
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof String
        || value instanceof java.util.Collection<?> || value instanceof Map<?, ?>) {
      return value;
    }
    if (value instanceof LocalDate || value instanceof Instant) {
      return value.toString();
    }
    // Ids (SubscriptionId, UUID, enums ...): their text is the wire form.
    return String.valueOf(value);
  }
}
