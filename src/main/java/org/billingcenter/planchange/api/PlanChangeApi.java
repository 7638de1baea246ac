package org.billingcenter.planchange.api;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.Problems;
import org.billingcenter.planchange.PlanChangeRefusal;
import org.billingcenter.planchange.PlanChangeService;
import org.billingcenter.planchange.PlanChangeService.Request;
import org.billingcenter.planchange.PlanChanger;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET} the decision and preview of moving a subscription to another plan; {@code POST} does
 * exactly that (now, or scheduled for the renewal: the policy decides, not the caller) and answers
 * with the same record. A plan of the other billing frequency of the same product is how the billing
 * frequency changes.
 */
@RestController
@RequestMapping("/api/v1/subscriptions/{id}/plan-change")
class PlanChangeApi {

  private final PlanChangeService planChanges;
  private final PlanChangeViews views;
  private final Problems problems;

  PlanChangeApi(PlanChangeService planChanges, PlanChangeViews views, Problems problems) {
    this.planChanges = planChanges;
    this.views = views;
    this.problems = problems;
  }

  /** Without {@code planId}: the change to the same product's plan of the other billing frequency. */
  @GetMapping
  PlanChangeViews.PlanChangeDecisionView check(
      @CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Parameter(description = "The plan to move to; leave out for the other billing frequency of the same product.")
      @RequestParam(required = false) @Nullable String planId,
      @AuthenticationPrincipal SignedInAccount me) {
    SubscriptionId subscription = new SubscriptionId(id);
    PlanChanger who = PlanChanger.of(me);
    return views.of(subscription,
        planId == null
            ? planChanges.checkFrequency(tenant, subscription, who)
            : planChanges.check(tenant, subscription, who, planId),
        false);
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  PlanChangeViews.PlanChangeDecisionView change(
      @CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @RequestBody Request body,
      @AuthenticationPrincipal SignedInAccount me) {
    SubscriptionId subscription = new SubscriptionId(id);
    return views.of(subscription, planChanges.change(tenant, subscription, PlanChanger.of(me), body), true);
  }

  /**
   * As every refusal, with what fixes ABOVE_MAXIMUM as extension members: the plan's {@code maximum},
   * the {@code licensesToUnassign} and the {@code licensesToRemove} first.
   */
  @ExceptionHandler(Rejected.class)
  ResponseEntity<ProblemDetail> refused(Rejected e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem = problems.of(Problems.status(e.reason().kind()), e.reason().code(), e.arguments(), locale);
    if (e.reason() == PlanChangeRefusal.ABOVE_MAXIMUM) {
      problem.setProperty("maximum", e.arguments().get(0));
      problem.setProperty("licensesToUnassign", e.arguments().get(1));
      problem.setProperty("licensesToRemove", e.arguments().get(2));
    }
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
