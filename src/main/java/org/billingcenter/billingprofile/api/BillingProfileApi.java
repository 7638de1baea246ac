package org.billingcenter.billingprofile.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Problems;
import org.billingcenter.billingprofile.BillingProfileChange;
import org.billingcenter.billingprofile.BillingProfileService;
import org.billingcenter.billingprofile.InvalidBillingProfile;
import org.billingcenter.billingprofile.SavedBillingProfile;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's billing profile and billing cycle. Global and Billing admins read and replace
 * it; Readers read it; User admins, who manage users only, do neither. The country is the
 * organisation's and cannot be changed here.
 */
@RestController
@RequestMapping("/api/v1/billing-profile")
class BillingProfileApi {

  private final BillingProfileService profiles;
  private final TenantService tenants;
  private final Problems problems;

  BillingProfileApi(BillingProfileService profiles, TenantService tenants, Problems problems) {
    this.profiles = profiles;
    this.tenants = tenants;
    this.problems = problems;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN','READER')")
  @Operation(summary = "The billing profile (the organisation's name, country and language until first saved) and "
      + "the billing cycle.")
  BillingProfileView profile(@CurrentTenant TenantId tenant) {
    return view(tenant, profiles.saved(tenant));
  }

  @PutMapping
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  @Operation(summary = "Replaces the billing profile (an omitted field is cleared); saving the same profile changes "
      + "nothing. 422 with the first broken rule's code and field, and every refused field in errors: "
      + "BILLING_PROFILE_LEGAL_NAME_INVALID, BILLING_PROFILE_FIELD_TOO_LONG, BILLING_PROFILE_FIELD_CONTROL_CHARACTERS, "
      + "BILLING_PROFILE_ADDRESS_LINE1_REQUIRED, BILLING_PROFILE_POSTAL_CODE_REQUIRED, BILLING_PROFILE_CITY_REQUIRED, "
      + "BILLING_PROFILE_LANGUAGE_UNSUPPORTED, BILLING_PROFILE_TAX_ID_COUNTRY, BILLING_PROFILE_TAX_ID_FORMAT, "
      + "BILLING_PROFILE_TAX_ID_CHECKSUM, BILLING_PROFILE_TAX_ID_INVALID.")
  BillingProfileView replace(@CurrentTenant TenantId tenant, @RequestBody BillingProfileChange body, Principal me) {
    return view(tenant, profiles.update(tenant, body, me.getName()));
  }

  /** Every refused field with its localised reason, as a failed bean validation lists them. */
  @ExceptionHandler(InvalidBillingProfile.class)
  ResponseEntity<ProblemDetail> invalid(InvalidBillingProfile e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.reason().code(), e.arguments(), locale);
    e.extensions().forEach(problem::setProperty);
    problem.setProperty("errors", e.violations().stream()
        .map(v -> Map.of("field", v.field(), "message", problems.detail(v.reason().code(), v.arguments(), locale)))
        .toList());
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private BillingProfileView view(TenantId tenant, SavedBillingProfile saved) {
    return BillingProfileView.of(saved, tenants.billingDay(tenant).orElse(null),
        tenants.nextBillingDate(tenant).orElse(null));
  }
}
