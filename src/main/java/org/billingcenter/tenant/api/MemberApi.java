package org.billingcenter.tenant.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Paged;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.Member;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's users: the people who can hold licenses. */
@RestController
@RequestMapping("/api/v1/members")
class MemberApi {

  private final TenantService tenants;

  MemberApi(TenantService tenants) {
    this.tenants = tenants;
  }

  record MemberView(String id, String displayName, String email) {
    static MemberView of(Member m) {
      return new MemberView(m.id().toString(), m.displayName(), m.email());
    }
  }

  record AddMember(
      @NotBlank @Size(max = 200) String displayName, @NotBlank @Email @Size(max = 320) String email) {
    NewMember command() {
      return new NewMember(displayName, email);
    }
  }

  record AddMembers(@NotEmpty @Size(max = 1000) List<@Valid AddMember> members) {}

  @GetMapping
  ResponseEntity<List<MemberView>> list(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(tenants.members(tenant, page).map(MemberView::of));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','USER_ADMIN')")
  MemberView add(@CurrentTenant TenantId tenant, @Valid @RequestBody AddMember body, Principal me) {
    return MemberView.of(tenants.addMembers(tenant, List.of(body.command()), me.getName()).get(0));
  }

  @PostMapping("/bulk")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','USER_ADMIN')")
  List<MemberView> addAll(
      @CurrentTenant TenantId tenant, @Valid @RequestBody AddMembers body, Principal me) {
    return tenants
        .addMembers(tenant, body.members().stream().map(AddMember::command).toList(), me.getName())
        .stream()
        .map(MemberView::of)
        .toList();
  }
}
