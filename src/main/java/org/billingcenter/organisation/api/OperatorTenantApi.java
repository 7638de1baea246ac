package org.billingcenter.organisation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.billingcenter.api.Paged;
import org.billingcenter.organisation.OrganisationSearch;
import org.billingcenter.organisation.OrganisationService;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's organisations: search, read one, suspend and resume. */
@RestController
@RequestMapping("/api/v1/operator/tenants")
@PreAuthorize("hasRole('OPERATOR')")
class OperatorTenantApi {

  private final OrganisationService organisations;

  OperatorTenantApi(OrganisationService organisations) {
    this.organisations = organisations;
  }

  /** Why: kept in the organisation's audit trail. The page's form carries the same constraints. */
  record SuspensionRequest(@NotBlank @Size(max = 500) String reason) {}

  /** Why the organisation is resumed (optional): kept in its audit trail. */
  record ResumptionRequest(@Size(max = 500) @Nullable String reason) {}

  @GetMapping
  @Operation(summary = "Organisations by name (A→Z; sort=-name for Z→A), paged; query is part of a name "
      + "(case-insensitive) or a whole organisation id. 400 ORGANISATION_SEARCH_INVALID.")
  ResponseEntity<List<OrganisationView>> list(
      @Parameter(description = "Part of the name, or a whole id") @RequestParam(required = false) String query,
      @Parameter(description = "name or -name") @RequestParam(required = false) String sort, PageRequest page) {
    return Paged.ok(organisations.list(OrganisationSearch.parse(query, sort), page).map(OrganisationView::of));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One organisation with its live subscriptions, MRR and suspension. 404 ORGANISATION_NOT_FOUND.")
  OrganisationView get(@PathVariable UUID id) {
    return OrganisationView.of(organisations.get(new TenantId(id)));
  }

  @PostMapping("/{id}/suspension")
  @Operation(summary = "Suspends the organisation: its people cannot sign in (open sessions end at their next "
      + "request), its API keys are refused within the key cache TTL; billing continues. Honours Idempotency-Key. "
      + "409 ORGANISATION_ALREADY_SUSPENDED, 404 ORGANISATION_NOT_FOUND.")
  OrganisationView suspend(@PathVariable UUID id, @Valid @RequestBody SuspensionRequest body, Principal me) {
    return OrganisationView.of(organisations.suspend(new TenantId(id), body.reason(), me.getName()));
  }

  @DeleteMapping("/{id}/suspension")
  @Operation(summary = "Resumes a suspended organisation (an optional body gives the reason). Honours "
      + "Idempotency-Key. 409 ORGANISATION_NOT_SUSPENDED, 404 ORGANISATION_NOT_FOUND.")
  OrganisationView resume(@PathVariable UUID id,
      @Valid @RequestBody(required = false) @Nullable ResumptionRequest body, Principal me) {
    return OrganisationView.of(organisations.resume(new TenantId(id), body == null ? null : body.reason(), me.getName()));
  }
}
