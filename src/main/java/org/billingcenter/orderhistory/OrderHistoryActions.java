package org.billingcenter.orderhistory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one table from audit {@code action} values to order-history entries. Only the actions a
 * customer thinks of as an order are listed; the bookkeeping rows the same transaction also writes
 * ({@code QUANTITY_CHANGED}, {@code PLAN_CHANGED}, {@code PRORATED_CHARGE_RECORDED}) are left out, or
 * every license purchase would show three times. {@code OrderHistoryActionsTest} checks each action
 * here is really recorded somewhere in the code.
 */
public final class OrderHistoryActions {

  /** What an action becomes: its type, and whether it takes effect later (a scheduled change). */
  public record Mapping(OrderHistoryType type, boolean scheduled) {}

  static final Map<String, Mapping> TABLE = table();

  private OrderHistoryActions() {}

  private static Map<String, Mapping> table() {
    Map<String, Mapping> t = new LinkedHashMap<>();
    t.put("SUBSCRIPTION_STARTED", new Mapping(OrderHistoryType.PURCHASE, false));
    t.put("TRIAL_CONVERTED_NOW", new Mapping(OrderHistoryType.PURCHASE, false));
    t.put("LICENSES_BOUGHT", new Mapping(OrderHistoryType.LICENSES_ADDED, false));
    t.put("LICENSES_REMOVED", new Mapping(OrderHistoryType.LICENSES_REMOVED, false));
    t.put("PLAN_CHANGED_NOW", new Mapping(OrderHistoryType.PLAN_CHANGE, false));
    t.put("PLAN_CHANGE_SCHEDULED", new Mapping(OrderHistoryType.PLAN_CHANGE, true));
    t.put("SUBSCRIPTION_CANCELLED", new Mapping(OrderHistoryType.CANCELLATION, false));
    t.put("SUBSCRIPTION_ENDING_SCHEDULED", new Mapping(OrderHistoryType.CANCELLATION, true));
    t.put("SUBSCRIPTION_ENDING_UNDONE", new Mapping(OrderHistoryType.CANCELLATION_UNDONE, false));
    t.put("SUBSCRIPTION_REACTIVATED", new Mapping(OrderHistoryType.REACTIVATION, false));
    t.put("CREDIT_RECORDED", new Mapping(OrderHistoryType.CREDIT, false));
    return Map.copyOf(t);
  }

  /**
   * The mapping of a recorded row. A license change records when it takes effect in its after-state
   * ({@code "... AT_RENEWAL on ..."}): one action, now or scheduled.
   */
  public static Optional<Mapping> of(String action, String after) {
    Mapping m = TABLE.get(action);
    if (m != null && after != null && after.contains(" AT_RENEWAL ")) {
      return Optional.of(new Mapping(m.type(), true));
    }
    return Optional.ofNullable(m);
  }

  /** Every action that shows as one of {@code types} (all of them for an empty filter). */
  public static Set<String> actions(Collection<OrderHistoryType> types) {
    return TABLE.entrySet().stream()
        .filter(e -> types.isEmpty() || types.contains(e.getValue().type()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether a support engineer did it for the organisation: the cancellation service writes
   * {@code "— assisted: <note>"} into the reason, the callback console acts as {@code support:<name>}.
   */
  public static boolean assisted(String actor, String reason) {
    return (actor != null && actor.startsWith("support:")) || (reason != null && reason.contains("— assisted:"));
  }
}
