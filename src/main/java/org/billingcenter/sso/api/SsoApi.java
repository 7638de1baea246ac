package org.billingcenter.sso.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.TenantId;
import org.billingcenter.sso.SsoProviderSettings;
import org.billingcenter.sso.SsoRegistrations;
import org.billingcenter.sso.SsoService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The organisation's single sign-on provider: its Global admin's, the caller's own organisation only. */
@RestController
@RequestMapping("/api/v1/sso")
@PreAuthorize("hasRole('GLOBAL_ADMIN')")
class SsoApi {

  private final SsoService sso;

  SsoApi(SsoService sso) {
    this.sso = sso;
  }

  /** The outcome of a check: the endpoints the discovery document names, or why it could not be read. */
  record SsoCheckView(boolean ok, @Nullable String authorizationUri, @Nullable String tokenUri,
      @Nullable String jwkSetUri, @Nullable String userInfoUri, @Nullable String problem) {}

  @GetMapping
  @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "SSO_NOT_CONFIGURED: the organisation has no provider.",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
  @Operation(summary = "The provider (without its client secret); 404 SSO_NOT_CONFIGURED when there is none.")
  SsoProviderView get(@CurrentTenant TenantId tenant) {
    return SsoProviderView.of(sso.get(tenant), redirectUri(tenant));
  }

  @PutMapping
  @Operation(summary = "Configures or replaces the provider. clientSecret is write-only: null or blank keeps the "
      + "stored one (required the first time: 422 SSO_CLIENT_SECRET_REQUIRED). The issuer must be https on a public "
      + "address (422 SSO_ISSUER_NOT_HTTPS, SSO_ISSUER_FORBIDDEN_ADDRESS, SSO_ISSUER_UNRESOLVABLE); mappings grant "
      + "organisation roles only (SSO_ROLE_NOT_FOR_TENANT, SSO_MAPPING_INCOMPLETE); mandatory needs enabled "
      + "(SSO_MANDATORY_NEEDS_ENABLED); 409 SSO_EMAIL_DOMAIN_TAKEN when another organisation has a domain.")
  SsoProviderView put(@Valid @RequestBody SsoProviderSettings body, @CurrentTenant TenantId tenant,
      @AuthenticationPrincipal SignedInAccount me) {
    return SsoProviderView.of(sso.configure(tenant, body, me.getUsername()), redirectUri(tenant));
  }

  @DeleteMapping
  @ApiResponse(responseCode = "204", description = "Removed.")
  @ApiResponse(responseCode = "404", description = "SSO_NOT_CONFIGURED: the organisation has no provider.",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Removes the provider: admins sign in with passwords again.")
  void delete(@CurrentTenant TenantId tenant, @AuthenticationPrincipal SignedInAccount me) {
    sso.remove(tenant, null, me.getUsername());
  }

  @PostMapping("/check")
  @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "SSO_NOT_CONFIGURED: the organisation has no provider.",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
  @Operation(summary = "Fetches the issuer's discovery document now and answers the endpoints it names, or the problem.")
  SsoCheckView check(@CurrentTenant TenantId tenant) {
    SsoRegistrations.Discovery d = sso.check(tenant, null);
    return new SsoCheckView(d.ok(), d.authorizationUri(), d.tokenUri(), d.jwkSetUri(), d.userInfoUri(), d.problem());
  }

  static String redirectUri(TenantId tenant) {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/login/oauth2/code/{id}")
        .buildAndExpand(tenant.value()).toUriString();
  }
}
