package org.billingcenter.support.api;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Paged;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.NewCallback;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
  CallbackView request(@CurrentTenant TenantId tenant, @Valid @RequestBody NewCallback ask, Principal me) {
    return CallbackView.of(callbacks.request(tenant, ask, me.getName()));
  }

  @GetMapping
  ResponseEntity<List<CallbackView>> list(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(callbacks.forTenant(tenant, page).map(CallbackView::of));
  }

  @PostMapping("/{id}/withdraw")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  CallbackView withdraw(@CurrentTenant TenantId tenant, @PathVariable UUID id, Principal me) {
    return CallbackView.of(callbacks.withdraw(tenant, id, me.getName(), null));
  }
}
