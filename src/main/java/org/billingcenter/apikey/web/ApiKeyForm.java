package org.billingcenter.apikey.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.billingcenter.account.Role;
import org.billingcenter.apikey.ApiKeyOwner;
import org.billingcenter.apikey.ApiKeyRequest;
import org.billingcenter.apikey.NewApiKey;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The create form: the API's request with the expiry as a day. The key works through that whole
 * day (UTC) and stops at the following midnight UTC.
 */
record ApiKeyForm(
    @NotBlank @Size(max = 100) String name,
    @NotNull Role role,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) {

  ApiKeyRequest toRequest() {
    return new ApiKeyRequest(name, role,
        expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  NewApiKey toCommand(ApiKeyOwner owner) {
    return toRequest().toCommand(owner);
  }
}
