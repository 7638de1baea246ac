package org.billingcenter.admins.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.admins.AdminService;
import org.billingcenter.admins.Invitation;
import org.billingcenter.admins.InvitationService;
import org.billingcenter.admins.NewInvitation;
import org.billingcenter.api.Paged;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's admins and invitations, for its Global admins only (a User admin manages
 * members, not admins). The organisation is the caller's, never the request's.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('GLOBAL_ADMIN')")
class AdminApi {

  private final AdminService admins;
  private final InvitationService invitations;
  private final Clock clock;

  AdminApi(AdminService admins, InvitationService invitations, Clock clock) {
    this.admins = admins;
    this.invitations = invitations;
    this.clock = clock;
  }

  record AdminView(String username, String displayName, @Nullable String email, List<Role> roles) {
    static AdminView of(AdminAccount a) {
      return new AdminView(a.username(), a.displayName(), a.email(), List.copyOf(new TreeSet<>(a.roles())));
    }
  }

  record InvitationView(String id, String email, String displayName, List<Role> roles, @Nullable String locale,
      String invitedBy, Instant createdAt, Instant expiresAt, boolean expired) {
    static InvitationView of(Invitation i, Instant now) {
      return new InvitationView(i.id().toString(), i.email(), i.displayName(), List.copyOf(new TreeSet<>(i.roles())),
          i.locale() == null ? null : i.locale().toLanguageTag(), i.invitedBy(), i.createdAt(), i.expiresAt(),
          !now.isBefore(i.expiresAt()));
    }
  }

  /** An admin's roles afterwards: tenant roles only, at least one. */
  record RolesChange(@NotEmpty @Size(max = 4) Set<Role> roles) {}

  @GetMapping("/admins")
  @Operation(summary = "The organisation's admins (enabled accounts) by username (paged).")
  ResponseEntity<List<AdminView>> list(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(admins.admins(tenant, page).map(AdminView::of));
  }

  @PutMapping("/admins/{username}/roles")
  @Operation(summary = "Changes an admin's roles; his sessions end. 409 LAST_GLOBAL_ADMIN when the organisation "
      + "would be left without a Global admin; 422 ROLES_INVALID; 404 ADMIN_NOT_FOUND.")
  AdminView changeRoles(@CurrentTenant TenantId tenant, @PathVariable String username,
      @Valid @RequestBody RolesChange body, @AuthenticationPrincipal SignedInAccount me) {
    return AdminView.of(admins.changeRoles(tenant, username, body.roles(), me.getUsername()));
  }

  @DeleteMapping("/admins/{username}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Removes an admin: the account is disabled (kept for the audit trail) and its sessions end. "
      + "409 LAST_GLOBAL_ADMIN; 404 ADMIN_NOT_FOUND.")
  void remove(@CurrentTenant TenantId tenant, @PathVariable String username,
      @AuthenticationPrincipal SignedInAccount me) {
    admins.remove(tenant, username, me.getUsername());
  }

  @GetMapping("/admin-invitations")
  @Operation(summary = "Invitations neither accepted nor withdrawn, oldest first (paged); expired ones can be resent.")
  ResponseEntity<List<InvitationView>> invitations(@CurrentTenant TenantId tenant, PageRequest page) {
    Instant now = clock.instant();
    return Paged.ok(invitations.pending(tenant, page).map(i -> InvitationView.of(i, now)));
  }

  @PostMapping("/admin-invitations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Invites someone to become an admin with these roles: he gets a mail with a link valid 7 days "
      + "and sets his own password. 409 ADDRESS_IN_USE when an account uses the address; 409 INVITATION_PENDING.")
  InvitationView invite(@CurrentTenant TenantId tenant, @Valid @RequestBody NewInvitation body,
      @AuthenticationPrincipal SignedInAccount me) {
    Invitation sent = invitations.invite(tenant, body, me.getUsername(), me.account().displayName());
    return InvitationView.of(sent, sent.createdAt());
  }

  @PostMapping("/admin-invitations/{id}/resend")
  @Operation(summary = "Sends the invitation again with a new link (the previous one stops working), valid 7 days.")
  InvitationView resend(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @AuthenticationPrincipal SignedInAccount me) {
    Invitation sent = invitations.resend(tenant, id, me.getUsername(), me.account().displayName());
    return InvitationView.of(sent, sent.createdAt());
  }

  @DeleteMapping("/admin-invitations/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Withdraws an invitation: its link stops working.")
  void withdraw(@CurrentTenant TenantId tenant, @PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    invitations.withdraw(tenant, id, me.getUsername());
  }
}
