package org.billingcenter.planchange;

import java.util.Locale;
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.Message;

/**
 * The policy's answer: a refusal (with what fixes it, for ABOVE_MAXIMUM) or the preview.
 *
 * @param requestedPlanId the plan asked for (null: the other billing frequency of the product)
 * @param from the subscription's plan
 * @param to the target plan, when the catalog has it
 * @param maximum the target plan's maximum quantity, when it has one
 * @param licensesToUnassign ABOVE_MAXIMUM: assigned licenses beyond the maximum
 * @param licensesToRemove ABOVE_MAXIMUM: licenses to remove so the quantity fits the maximum
 */
public record PlanChangeDecision(
    PlanChangeRefusal refusal,
    String requestedPlanId,
    Plan from,
    Plan to,
    int assigned,
    Integer maximum,
    int licensesToUnassign,
    int licensesToRemove,
    PlanChangePreview preview) {

  public boolean allowed() {
    return refusal == null;
  }

  /** The arguments of the refusal's message ({@code error.<code>}), as the exception carries them. */
  public Object[] refusalArguments() {
    return switch (refusal) {
      case PLAN_NOT_FOUND -> new Object[] {requestedPlanId};
      case CURRENCY_MISMATCH ->
          new Object[] {to.unitPrice().currency().getCurrencyCode(), from.unitPrice().currency().getCurrencyCode()};
      case ABOVE_MAXIMUM -> new Object[] {maximum, licensesToUnassign, licensesToRemove};
      default -> new Object[0];
    };
  }

  /**
   * The decision as one sentence: the API's {@code message} and the pages say the same thing.
   * {@code done}: the change was just carried out. Now: product, credit, charge, invoice date, the
   * credit's return date; at
   * renewal: product, renewal date, new unit price, billing frequency (a name for an ICU select).
   */
  public Message message(boolean done) {
    if (!allowed()) {
      return Message.of("error." + refusal.name().toLowerCase(Locale.ROOT), refusalArguments());
    }
    String key = (done ? "planchange.done." : "planchange.outcome.") + preview.when().name().toLowerCase(Locale.ROOT);
    return preview.when() == PlanChangeWhen.NOW
        ? Message.of(key, to.productName(), preview.credit(), preview.charge(), preview.invoiceOn(),
            preview.creditReturnOn())
        : Message.of(key, to.productName(), preview.effectiveOn(), preview.newUnitPrice(),
            preview.newFrequency().name());
  }
}
