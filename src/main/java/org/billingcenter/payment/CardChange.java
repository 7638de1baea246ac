package org.billingcenter.payment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.billingcenter.tenant.MemberDetails;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;

/**
 * Issue 18: what an admin may change on a payment method, from the API's PATCH body and the edit
 * form: its expiry (always given) and the name on the card (absent: unchanged; empty: none). The
 * token, brand and last digits are the provider's: a different card is a new payment method.
 */
public record CardChange(
    @NotNull @Min(1) @Max(12) Integer expiryMonth,
    @NotNull @Min(TenantService.MIN_EXPIRY_YEAR) @Max(TenantService.MAX_EXPIRY_YEAR) Integer expiryYear,
    @Nullable @Size(max = MemberDetails.MAX_NAME) @Pattern(regexp = MemberDetails.SAFE_TEXT) String holderName) {

  public CardChange {
    holderName = holderName == null ? null : holderName.strip();
  }

  /** The name to keep: the new one, none when it was emptied, else the current one. */
  @Nullable String holderNameAfter(@Nullable String current) {
    if (holderName == null) {
      return current;
    }
    return holderName.isEmpty() ? null : holderName;
  }
}
