package org.billingcenter.support.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.Paged;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.Filter;
import org.billingcenter.support.CallbackService.NewCallback;
import org.billingcenter.support.CallbackStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's side of "Let us call you": ask, see, withdraw. */
@RestController
@RequestMapping("/api/v1/callback-requests")
class CallbackApi {

  private final CallbackService callbacks;

  CallbackApi(CallbackService callbacks) {
    this.callbacks = callbacks;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  @Operation(summary = "Asks support to call; 409 CALLBACK_ALREADY_OPEN while the subscription has an open request.")
  CallbackView request(@CurrentTenant TenantId tenant, @Valid @RequestBody NewCallback ask,
      @AuthenticationPrincipal SignedInAccount me) {
    return CallbackView.of(callbacks.request(tenant, ask, me.getUsername()));
  }

  @GetMapping
  @Operation(summary = "The organisation's own callback requests, newest first, with their status.")
  ResponseEntity<List<CallbackView>> list(@CurrentTenant TenantId tenant,
      @RequestParam(required = false) @Parameter(description = "Only the requests about this subscription.")
          @Nullable UUID subscriptionId,
      @RequestParam(required = false) @Parameter(description = "Only the requests in this status.")
          @Nullable CallbackStatus status,
      PageRequest page) {
    return Paged.ok(callbacks.forTenant(tenant, new Filter(subscriptionId, status), page).map(CallbackView::of));
  }

  @PostMapping("/{id}/withdrawal")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  @Operation(summary = "Withdraws an open request (by the account that asked, or a Global admin); "
      + "409 CALLBACK_NOT_OPEN once it is completed or withdrawn. Asking again opens a new one.")
  CallbackView withdrawal(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @AuthenticationPrincipal SignedInAccount me) {
    return CallbackView.of(
        callbacks.withdrawByOrganisation(tenant, id, me.getUsername(), me.account().has(Role.GLOBAL_ADMIN)));
  }

  /** The first name of the withdrawal, kept for programs written against it. */
  @Deprecated
  @PostMapping("/{id}/withdraw")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  @Operation(summary = "Deprecated alias of POST /api/v1/callback-requests/{id}/withdrawal.", deprecated = true)
  CallbackView withdraw(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @AuthenticationPrincipal SignedInAccount me) {
    return withdrawal(tenant, id, me);
  }
}
