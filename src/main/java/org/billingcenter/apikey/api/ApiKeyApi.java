package org.billingcenter.apikey.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.Paged;
import org.billingcenter.apikey.ApiKeyOwner;
import org.billingcenter.apikey.ApiKeyRequest;
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys: a Global admin manages the organisation's, the operator the operator-side keys. The
 * same paths for both: the signed-in account (or key) decides whose, never the request.
 */
@RestController
@RequestMapping("/api/v1/api-keys")
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','OPERATOR')")
class ApiKeyApi {

  private final ApiKeyService keys;
  private final Clock clock;

  ApiKeyApi(ApiKeyService keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Creates a key; the answer carries its secret, shown this once. 422 API_KEY_ROLE_NOT_ALLOWED "
      + "(a role the caller's keys cannot have), API_KEY_EXPIRY_NOT_IN_FUTURE, API_KEY_EXPIRY_TOO_FAR (over two "
      + "years), API_KEY_NAME_INVALID.")
  CreatedApiKeyView create(@Valid @RequestBody ApiKeyRequest body, @AuthenticationPrincipal SignedInAccount me) {
    return CreatedApiKeyView.of(keys.create(body.toCommand(owner(me)), me.getUsername()));
  }

  @GetMapping
  @Operation(summary = "The caller's keys, newest first (paged), without secrets.")
  ResponseEntity<List<ApiKeyView>> list(PageRequest page, @AuthenticationPrincipal SignedInAccount me) {
    return Paged.ok(keys.list(owner(me), page).map(k -> ApiKeyView.of(k, clock.instant())));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One key (without its secret).")
  ApiKeyView get(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    return ApiKeyView.of(keys.get(owner(me), id), clock.instant());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revokes a key at once (other nodes refuse it within seconds); revoking it again changes "
      + "nothing.")
  void revoke(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    keys.revoke(owner(me), id, me.getUsername());
  }

  private static ApiKeyOwner owner(SignedInAccount me) {
    return ApiKeyOwner.of(me).orElseThrow(() -> new AccessDeniedException("not a Global admin or the operator"));
  }
}
