package org.billingcenter.licensing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The policy's answer: allowed, with when the change takes effect, or the refusal with the values
 * its message and the caller's next step need.
 *
 * @param when NOW or AT_RENEWAL when allowed; null when refused
 * @param effectiveOn today for NOW, the renewal day for AT_RENEWAL; null when refused
 * @param licensesToUnassign for LICENSES_IN_USE: how many to unassign first, else 0
 * @param maximum the plan's maximum quantity, if it has one
 * @param arguments the values the refusal's message needs (in its placeholders' order)
 */
public record QuantityChangeDecision(
    Optional<QuantityChangeRefusal> refusal,
    int from,
    int to,
    int assigned,
    @Nullable QuantityChangeWhen when,
    @Nullable LocalDate effectiveOn,
    int licensesToUnassign,
    @Nullable Integer maximum,
    List<Object> arguments) {

  public QuantityChangeDecision {
    // A refusal's argument may be null (no renewal date): no List.copyOf.
    arguments = Collections.unmodifiableList(Arrays.asList(arguments.toArray()));
  }

  static QuantityChangeDecision allowed(QuantityChangeSnapshot s, QuantityChangeWhen when, LocalDate on) {
    return new QuantityChangeDecision(
        Optional.empty(), s.currentQuantity(), s.requestedQuantity(), s.assigned(), when, on, 0, s.maxQuantity(),
        List.of());
  }

  static QuantityChangeDecision refused(
      QuantityChangeSnapshot s, QuantityChangeRefusal refusal, Object... arguments) {
    int toUnassign =
        refusal == QuantityChangeRefusal.LICENSES_IN_USE ? s.assigned() - s.requestedQuantity() : 0;
    return new QuantityChangeDecision(
        Optional.of(refusal), s.currentQuantity(), s.requestedQuantity(), s.assigned(), null, null, toUnassign,
        s.maxQuantity(), Arrays.asList(arguments));
  }

  public boolean allowed() {
    return refusal.isEmpty();
  }

  /** More licenses than now (a purchase) rather than fewer. */
  public boolean addition() {
    return to > from;
  }

  /** How many licenses are bought (positive) or removed (negative). */
  public int delta() {
    return to - from;
  }
}
