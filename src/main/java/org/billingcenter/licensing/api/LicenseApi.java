package org.billingcenter.licensing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Paged;
import org.billingcenter.api.Problems;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.licensing.LicensingService.ListOrder;
import org.billingcenter.licensing.LicensingService.MatchingChange;
import org.billingcenter.licensing.LicensingService.MatchingMembers;
import org.billingcenter.licensing.LicensingService.MemberIds;
import org.billingcenter.licensing.MemberSearch;
import org.billingcenter.licensing.NotEnoughSeats;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.Member;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which users hold a license of a subscription and which could; assigning and removing licenses,
 * by member ids or as "all matching" a search.
 */
@RestController
@RequestMapping("/api/v1/subscriptions/{id}")
class LicenseApi {

  private static final String SEARCH =
      "A piece of the name or e-mail address, any case; % and _ are literal characters. Blank or absent: everyone.";

  private final LicensingService licensing;
  private final Problems problems;

  LicenseApi(LicensingService licensing, Problems problems) {
    this.licensing = licensing;
    this.problems = problems;
  }

  /**
   * {@code members}: the same page with names and e-mails, on the list only; the answers of changes
   * list every holder's id and leave it null (reading 10,000 names back would only slow them).
   */
  record Licenses(String subscriptionId, List<String> memberIds, @Nullable List<LicenseMember> members) {
    static Licenses of(SubscriptionId id, List<MemberId> members) {
      return new Licenses(id.toString(), members.stream().map(MemberId::toString).toList(), null);
    }

    static Licenses of(SubscriptionId id, Page<Member> page) {
      List<Member> members = page.items();
      return new Licenses(id.toString(), members.stream().map(m -> m.id().toString()).toList(),
          members.stream().map(LicenseMember::of).toList());
    }
  }

  record LicenseMember(String id, String displayName, String email) {
    static LicenseMember of(Member m) {
      return new LicenseMember(m.id().toString(), m.displayName(), m.email());
    }
  }

  record MatchingResult(String subscriptionId, int changed, int assigned, int quantity) {
    static MatchingResult of(SubscriptionId id, MatchingChange change) {
      return new MatchingResult(id.toString(), change.changed(), change.assigned(), change.quantity());
    }
  }

  /** The body keeps its shape; {@code memberIds} is the page, the paging headers say the rest. */
  @GetMapping("/licenses")
  @Operation(summary = "The users holding a license, by member id",
      description = "memberIds and members are the same page; q narrows it to the holders whose name or e-mail"
          + " contains the text.")
  ResponseEntity<Licenses> list(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @RequestParam(name = "q", required = false) @Parameter(description = SEARCH,
          schema = @Schema(maxLength = MemberSearch.MAX_LENGTH)) String q,
      PageRequest page) {
    SubscriptionId subscription = new SubscriptionId(id);
    Page<Member> members = licensing.holders(tenant, subscription, q, ListOrder.ID, page);
    return ResponseEntity.ok().headers(Paged.headers(members)).body(Licenses.of(subscription, members));
  }

  @GetMapping("/license-candidates")
  @Operation(summary = "The users without a license of this subscription, by member id",
      description = "Those who could be given one; q narrows it to those whose name or e-mail contains the text.")
  ResponseEntity<List<LicenseMember>> candidates(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @RequestParam(name = "q", required = false) @Parameter(description = SEARCH,
          schema = @Schema(maxLength = MemberSearch.MAX_LENGTH)) String q,
      PageRequest page) {
    return Paged.ok(licensing.candidates(tenant, new SubscriptionId(id), q, ListOrder.ID, page).map(LicenseMember::of));
  }

  /** Bulk removal: all listed members lose their license, or (one without a license) none do. */
  @PostMapping("/licenses/unassign")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  Licenses unassign(
      @CurrentTenant TenantId tenant,
      @PathVariable UUID id,
      @Valid @RequestBody MemberIds body,
      Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return Licenses.of(subscription, licensing.unassign(tenant, subscription, body.ids(), me.getName()));
  }

  @DeleteMapping("/licenses/{memberId}")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  Licenses unassignOne(
      @CurrentTenant TenantId tenant, @PathVariable UUID id, @PathVariable UUID memberId, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return Licenses.of(
        subscription, licensing.unassign(tenant, subscription, List.of(new MemberId(memberId)), me.getName()));
  }

  @PostMapping("/licenses")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  @Operation(summary = "Assign licenses to the listed users, all or none",
      description = "Refused with 409 NOT_ENOUGH_SEATS when they do not all fit; the problem's member"
          + " `missing` says how many more licenses they need.")
  Licenses assign(
      @CurrentTenant TenantId tenant,
      @PathVariable UUID id,
      @Valid @RequestBody MemberIds body,
      Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return Licenses.of(subscription, licensing.assign(tenant, subscription, body.ids(), me.getName()));
  }

  @PostMapping("/licenses/assign-matching")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  @Operation(summary = "Assign a license to every user without one whose name or e-mail matches",
      description = "The search is resolved on the server under the subscription's lock: all matching users get a"
          + " license or none do. Refused with 409 NOT_ENOUGH_SEATS (problem member `missing`: how many more"
          + " licenses are needed, to buy them first) and 422 NO_MATCHING_MEMBERS when nobody matches.")
  MatchingResult assignMatching(
      @CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @RequestBody MatchingMembers body, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return MatchingResult.of(subscription, licensing.assignMatching(tenant, subscription, body.query(), me.getName()));
  }

  @PostMapping("/licenses/unassign-matching")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','USER_ADMIN')")
  @Operation(summary = "Remove the license of every holder whose name or e-mail matches",
      description = "All matching holders lose their license in one action; 422 NO_MATCHING_MEMBERS when nobody"
          + " matches.")
  MatchingResult unassignMatching(
      @CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @RequestBody MatchingMembers body, Principal me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return MatchingResult.of(subscription, licensing.unassignMatching(tenant, subscription, body.query(), me.getName()));
  }

  /** As every refusal, plus {@code missing}: the number of licenses to buy before retrying. */
  @ExceptionHandler(NotEnoughSeats.class)
  ResponseEntity<ProblemDetail> notEnoughSeats(NotEnoughSeats e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem = problems.of(HttpStatus.CONFLICT, e.reason().code(), e.arguments(), locale);
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("missing", e.missing());
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
