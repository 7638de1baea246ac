package org.billingcenter.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.billingcenter.tenant.MemberDetails;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.jspecify.annotations.Nullable;

/**
 * Issue 18: a payment method as the API's JSON body and the add form send it: the provider's
 * reference ({@link NewPaymentMethod}'s rules) and, optionally, the name on the card. A blank name is none.
 * The API's schema keeps the name its body had before the move from the tenant module.
 */
@Schema(name = "NewPaymentMethod")
public record NewCard(
    @NotBlank @Size(max = 200) String token,
    @NotBlank @Size(max = 40) String brand,
    @NotBlank @Pattern(regexp = "[0-9]{4}") String last4,
    @Min(1) @Max(12) int expiryMonth,
    @Min(TenantService.MIN_EXPIRY_YEAR) @Max(TenantService.MAX_EXPIRY_YEAR) int expiryYear,
    @Nullable @Size(max = MemberDetails.MAX_NAME) @Pattern(regexp = MemberDetails.SAFE_TEXT) String holderName) {

  public NewCard {
    holderName = holderName == null || holderName.isBlank() ? null : holderName.strip();
  }

  NewPaymentMethod reference() {
    return new NewPaymentMethod(token, brand, last4, expiryMonth, expiryYear);
  }
}
