package org.billingcenter.tenant.api;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.billingcenter.account.EmailAddress;
import org.billingcenter.account.AcceptablePassword;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.NewCredentials;
import org.billingcenter.account.PasswordPolicy;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantReason;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewTenant;
import org.billingcenter.tenant.TenantService.Opened;
import org.billingcenter.account.Role;
import org.billingcenter.apikey.ApiKeyRequest;
import org.billingcenter.apikey.CreatedApiKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators open organisations; everyone in one reads it. */
@RestController
@RequestMapping("/api/v1")
class TenantApi {

  private final TenantService tenants;

  TenantApi(TenantService tenants) {
    this.tenants = tenants;
  }

  record TenantView(String id, String name, String country, String locale, String timeZone, String currency) {
    static TenantView of(Tenant t) {
      return new TenantView(
          t.id().toString(),
          t.name(),
          t.country(),
          t.locale().toLanguageTag(),
          t.timeZone().getId(),
          t.currency().getCurrencyCode());
    }
  }

  // --- Issue 15 (admins): the first Global admin is invited when no password is given ---
  /** Where the invitation went and until when its link works. */
  record InvitationSent(String email, Instant expiresAt) {}

  /**
   * The first Global admin. Without a password, {@code email} is required and he is invited (the
   * account, named by the address, is made when he accepts); with one, {@code username} is required
   * and the password is judged by the account module's policy.
   */
  @AcceptablePassword
  record FirstAdmin(
      @Schema(description = "Required with a password; without one the e-mail address becomes the username")
          @Size(max = 100) @Pattern(regexp = "[a-z0-9._-]+") String username,
      @NotBlank @Size(max = 200) String displayName,
      @Schema(
              minLength = PasswordPolicy.MIN_LENGTH,
              maxLength = PasswordPolicy.MAX_LENGTH,
              format = "password",
              description = "Optional: without it the admin is invited by e-mail. Not the username nor "
                  + "containing it, and not a common password")
          @Nullable String password,
      @EmailAddress.Valid
          @Schema(description = "Where this admin's notifications (and, without a password, the invitation) go",
              example = "ada@example.org")
          String email)
      implements NewCredentials {}

  record CreateTenant(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
      @NotBlank @Size(max = 20) String locale,
      @NotBlank @Size(max = 64) String timeZone,
      @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
      @Valid @NotNull FirstAdmin admin,
      // Issue 15 (benchmark): optional, the organisation's first API key, created in the same transaction
      @Valid @Nullable @Schema(description = "Optional: the organisation's first API key, created with it; the "
          + "answer carries its secret once") ApiKeyRequest apiKey) {}

  // --- Issue 15 (benchmark): the answer to a creation, with the new key's secret when one was asked for ---
  record FirstApiKeyView(String id, String name, Role role, String prefix,
      @Schema(description = "The whole key (bc_live_…_…), shown this once: send it as Authorization: Bearer <secret>."
          + " Null in a replay of an Idempotency-Key: the secret is never kept.")
      @Nullable String secret,
      Instant createdAt, @Nullable Instant expiresAt) {
    static @Nullable FirstApiKeyView of(@Nullable CreatedApiKey k) {
      return k == null ? null
          : new FirstApiKeyView(k.id().toString(), k.name(), k.role(), k.prefix(), k.secret(), k.createdAt(), k.expiresAt());
    }
  }

  record CreatedTenantView(
      String id, String name, String country, String locale, String timeZone, String currency,
      @Schema(description = "Where the first Global admin's invitation went (absent when he was given a password)")
      @Nullable InvitationSent invitation,
      @Nullable FirstApiKeyView apiKey) {
    static CreatedTenantView of(Opened opened) {
      TenantView t = TenantView.of(opened.tenant());
      return new CreatedTenantView(t.id(), t.name(), t.country(), t.locale(), t.timeZone(), t.currency(),
          opened.invitation() == null ? null
              : new InvitationSent(opened.invitation().email(), opened.invitation().expiresAt()),
          FirstApiKeyView.of(opened.apiKey()));
    }
  }
  // --- end Issue 15 (benchmark) ---

  @PostMapping("/tenants")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('OPERATOR')")
  @Operation(summary = "Opens an organisation. Without admin.password its first Global admin (admin.email) is "
      + "invited by e-mail and the answer says so; with apiKey the organisation's first API key is created with it "
      + "and its secret answered once; 422 FIRST_ADMIN_INCOMPLETE, 409 ADDRESS_IN_USE.")
  CreatedTenantView create(@Valid @RequestBody CreateTenant body, Principal me) {
    Tenant tenant =
        new Tenant(
            TenantId.random(),
            body.name().trim(),
            body.country(),
            Locale.forLanguageTag(body.locale()),
            zone(body.timeZone()),
            currency(body.currency()));
    FirstAdmin admin = body.admin();
    return CreatedTenantView.of(tenants.open(
        new NewTenant(tenant, admin.username(), admin.displayName(), admin.password(), admin.email()),
        body.apiKey(),
        me.getName()));
  }
  // --- end Issue 15 (admins) ---

  @GetMapping("/tenant")
  TenantView current(@CurrentTenant TenantId tenant) {
    return TenantView.of(tenants.get(tenant));
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new Rejected(TenantReason.UNKNOWN_TIME_ZONE);
    }
  }

  private static Currency currency(String code) {
    try {
      Currency currency = Currency.getInstance(code);
      if (currency.getDefaultFractionDigits() < 0) {
        throw new IllegalArgumentException("no minor unit: " + code); // XAU, XXX: not money to bill in
      }
      return currency;
    } catch (IllegalArgumentException e) {
      throw new Rejected(TenantReason.UNKNOWN_CURRENCY);
    }
  }
}
