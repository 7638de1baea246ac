package org.billingcenter.licensing.api;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Paged;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.licensing.LicensingService.MemberIds;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which users hold a license of a subscription; assigning and removing licenses. */
@RestController
@RequestMapping("/api/v1/subscriptions/{id}/licenses")
class LicenseApi {

  private final LicensingService licensing;

  LicenseApi(LicensingService licensing) {
    this.licensing = licensing;
  }

  record Licenses(String subscriptionId, List<String> memberIds) {
    static Licenses of(SubscriptionId id, List<MemberId> members) {
      return new Licenses(id.toString(), members.stream().map(MemberId::toString).toList());
    }
  }

  /** The body keeps its shape; {@code memberIds} is the page, the paging headers say the rest. */
  @GetMapping
  ResponseEntity<Licenses> list(@CurrentTenant TenantId tenant, @PathVariable UUID id, PageRequest page) {
    SubscriptionId subscription = new SubscriptionId(id);
    Page<MemberId> members = licensing.assignedMembers(tenant, subscription, page);
    return ResponseEntity.ok().headers(Paged.headers(members)).body(Licenses.of(subscription, members.items()));
  }

  /** Bulk removal: all listed members lose their license, or (one without a license) none do. */
  @PostMapping("/unassign")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  Licenses unassign(
      @CurrentTenant TenantId tenant,
      @PathVariable UUID id,
      @Valid @RequestBody MemberIds body,
      Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return Licenses.of(subscription, licensing.unassign(tenant, subscription, body.ids(), me.getName()));
  }

  @DeleteMapping("/{memberId}")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  Licenses unassignOne(
      @CurrentTenant TenantId tenant, @PathVariable UUID id, @PathVariable UUID memberId, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return Licenses.of(
        subscription, licensing.unassign(tenant, subscription, List.of(new MemberId(memberId)), me.getName()));
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  Licenses assign(
      @CurrentTenant TenantId tenant,
      @PathVariable UUID id,
      @Valid @RequestBody MemberIds body,
      Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return Licenses.of(subscription, licensing.assign(tenant, subscription, body.ids(), me.getName()));
  }
}
