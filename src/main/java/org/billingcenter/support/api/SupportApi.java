package org.billingcenter.support.api;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.billingcenter.api.Paged;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.Notes;
import org.billingcenter.support.CallbackStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The support engineers' callback queue across organisations: list by status, claim, complete with
 * notes, withdraw. Every step is audited under the engineer's name. Assisted cancellation lives
 * with the other cancellation endpoints.
 */
@RestController
@RequestMapping("/api/v1/support")
@PreAuthorize("hasRole('SUPPORT_ENGINEER')")
class SupportApi {

  private final CallbackService callbacks;

  SupportApi(CallbackService callbacks) {
    this.callbacks = callbacks;
  }

  @GetMapping("/callback-requests")
  ResponseEntity<List<CallbackView>> queue(
      @RequestParam(defaultValue = "NEW") CallbackStatus status, PageRequest page) {
    return Paged.ok(callbacks.queue(status, page).map(CallbackView::of));
  }

  @PostMapping("/tenants/{tenantId}/callback-requests/{id}/claim")
  CallbackView claim(@PathVariable UUID tenantId, @PathVariable UUID id, Principal me) {
    return CallbackView.of(callbacks.claim(new TenantId(tenantId), id, me.getName()));
  }

  @PostMapping("/tenants/{tenantId}/callback-requests/{id}/complete")
  CallbackView complete(
      @PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody Notes body, Principal me) {
    return CallbackView.of(callbacks.complete(new TenantId(tenantId), id, me.getName(), body.notes()));
  }

  @PostMapping("/tenants/{tenantId}/callback-requests/{id}/withdraw")
  CallbackView withdraw(
      @PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody(required = false) Notes body, Principal me) {
    return CallbackView.of(
        callbacks.withdraw(new TenantId(tenantId), id, me.getName(), body == null ? null : body.notes()));
  }
}
