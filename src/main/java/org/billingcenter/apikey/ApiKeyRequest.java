package org.billingcenter.apikey;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.billingcenter.account.Role;
import org.jspecify.annotations.Nullable;

/** What creating a key takes from the API (the page sends the same, with a date for the expiry). */
public record ApiKeyRequest(
    @Schema(description = "What the key is for, shown in lists.", example = "Provisioning script")
    @NotBlank @Size(max = 100) String name,
    @Schema(description = "An organisation's keys: GLOBAL_ADMIN, BILLING_ADMIN, USER_ADMIN or READER; the "
        + "operator's: OPERATOR or SUPPORT_ENGINEER.", example = "BILLING_ADMIN")
    @NotNull Role role,
    @Schema(description = "When the key stops working: in the future and at most two years ahead "
        + "(billing-center.api-keys.max-lifetime); null: never.")
    @Nullable Instant expiresAt) {

  public NewApiKey toCommand(ApiKeyOwner owner) {
    return NewApiKey.of(owner, name, role, expiresAt);
  }
}
