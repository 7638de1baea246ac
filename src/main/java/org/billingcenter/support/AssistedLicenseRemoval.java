package org.billingcenter.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.billingcenter.account.Role;
import org.billingcenter.licensing.QuantityChangePreview;
import org.billingcenter.licensing.QuantityChangeService;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * "Remove licenses for them": the organisation's own quantity change (same preview, same rules, same
 * credit), carried out by a support engineer on his claimed request or with an override reason.
 */
@Service
@Validated
public class AssistedLicenseRemoval {

  /**
   * The engineer acts with a Billing admin's rights: the quantity rules are the organisation's, and
   * only the assisted-action guard says whether an engineer may use them.
   */
  private static final Set<Role> ON_BEHALF = Set.of(Role.BILLING_ADMIN);

  private final QuantityChangeService quantities;
  private final AssistedActions actions;

  AssistedLicenseRemoval(QuantityChangeService quantities, AssistedActions actions) {
    this.quantities = quantities;
    this.actions = actions;
  }

  /** The new total, the engineer's note, and the override reason when he has no claimed request. */
  public record Removal(
      @NotNull @Min(1) @Max(Limits.MAX_QUANTITY) Integer quantity,
      @NotBlank @Size(max = SupportConsole.TEXT_MAX) String note,
      @Nullable @Size(max = AssistedActions.OVERRIDE_MAX) String overrideReason) {}

  /** What removing down to {@code quantity} would do (the organisation's own preview), or why not. */
  @Transactional(readOnly = true)
  public QuantityChangePreview preview(TenantId tenant, SubscriptionId id, int quantity) {
    QuantityChangePreview preview = quantities.preview(tenant, id, quantity, null, ON_BEHALF);
    if (preview.allowed() && preview.quantityAfter() >= preview.quantityBefore()) {
      throw new Rejected(SupportReason.NOT_A_REMOVAL, preview.quantityBefore());
    }
    return preview;
  }

  @Transactional
  public QuantityChangePreview remove(TenantId tenant, SubscriptionId id, String engineer, @Valid Removal removal) {
    AssistedActions.Authority authority = actions.authorize(tenant, id, engineer, removal.overrideReason());
    preview(tenant, id, removal.quantity());
    QuantityChangePreview done = quantities.change(tenant, id, removal.quantity(), null, engineer, ON_BEHALF);
    actions.done(authority, CallbackOutcome.LICENSES_REMOVED, done.quantityBefore() - done.quantityAfter(),
        removal.note().strip());
    return done;
  }
}
