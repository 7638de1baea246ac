package org.billingcenter.billing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.MoneyView;
import org.billingcenter.api.Paged;
import org.billingcenter.api.Problems;
import org.billingcenter.billing.BillingRun;
import org.billingcenter.billing.BillingRunHistory;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.billing.OperatorRunService;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.subscription.LifecycleService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's billing runs: start one for a date (today, or a missed earlier day), the history
 * newest first, and one run with its progress. GETs under /api/v1/operator pass the filter chain for
 * any signed-in caller, so each method checks the role itself.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class BillingRunApi {

  private static final Logger log = LoggerFactory.getLogger(BillingRunApi.class);
  private static final String RUNS = "/api/v1/operator/billing-runs";

  private final OperatorRunService runs;
  private final BillingRunHistory history;
  private final Problems problems;

  BillingRunApi(OperatorRunService runs, BillingRunHistory history, Problems problems) {
    this.runs = runs;
    this.history = history;
    this.problems = problems;
  }

  record RunRequest(@NotNull LocalDate date) {}

  /** {@code runId} and {@code progress}: the run's history entry (also in {@code Location}). */
  record StartedRunView(UUID runId, String progress, LifecycleService.LifecycleResult lifecycle,
      BillingRunService.RunResult billing) {}

  /** The money a run moved in one currency; {@code credited} is positive. */
  record TotalView(String currency, MoneyView charged, MoneyView credited, MoneyView refunded) {}

  /**
   * One run on one node. {@code status}: RUNNING, SUCCEEDED or FAILED; {@code percentDone}:
   * tenants billed of {@code tenantsDue} (counted at its start), 100 once it ended; {@code
   * failedStep} (LIFECYCLE or BILLING) and {@code failure} (the technical cause) when it failed.
   */
  record BillingRunView(UUID id, LocalDate day, String node, String startedBy, BillingRun.Status status,
      Instant startedAt, @Nullable Instant finishedAt, @Nullable Integer tenantsDue, int batchesDone, int percentDone,
      int tenantsBilled, int subscriptionsBilled, int invoices, int charges, int creditsReturned, int refunds,
      int collections, @Nullable String failedStep, @Nullable String failure, List<TotalView> totals) {
    static BillingRunView of(BillingRun r) {
      return new BillingRunView(r.id(), r.day(), r.node(), r.startedBy(), r.status(), r.startedAt(), r.finishedAt(),
          r.tenantsDue(), r.batchesDone(), r.percentDone(), r.tenantsBilled(), r.subscriptionsBilled(), r.invoices(),
          r.charges(), r.creditsReturned(), r.refunds(), r.collections(), r.failedStep(), r.failure(),
          r.totals().stream().map(t -> new TotalView(t.charged().currency().getCurrencyCode(),
              MoneyView.of(t.charged()), MoneyView.of(t.credited()), MoneyView.of(t.refunded()))).toList());
    }
  }

  /**
   * Runs the day's lifecycle transitions, then the billing run, for {@code date}: today (up to today
   * at UTC+14) or a missed earlier day (no run for it succeeded), at most a year back; else 422 and
   * nothing changes; 409 while a run for that day is going on. Answers what each step did and where
   * its history entry is. Repeating it for today bills nothing twice.
   */
  @Operation(summary = "Starts a billing run for today or a missed earlier day and answers when it is done.")
  @PostMapping(RUNS)
  ResponseEntity<StartedRunView> run(@Valid @RequestBody RunRequest body, @AuthenticationPrincipal SignedInAccount me) {
    OperatorRunService.Result result = runs.run(body.date(), me.getUsername());
    String progress = RUNS + "/" + result.runId();
    return ResponseEntity.ok().location(URI.create(progress))
        .body(new StartedRunView(result.runId(), progress, result.lifecycle(), result.billing()));
  }

  @Operation(summary = "The billing runs, newest first (paged), optionally of one status.")
  @GetMapping(RUNS)
  ResponseEntity<List<BillingRunView>> runs(PageRequest page,
      @RequestParam(required = false) @Parameter(description = "Only runs in this status: RUNNING, SUCCEEDED or FAILED.") BillingRun.@Nullable Status status) {
    return Paged.ok(history.runs(status, page).map(BillingRunView::of));
  }

  @Operation(summary = "One billing run with its progress and totals per currency; 404 BILLING_RUN_NOT_FOUND.")
  @GetMapping(RUNS + "/{id}")
  BillingRunView run(@PathVariable UUID id) {
    return BillingRunView.of(history.run(id));
  }

  /**
   * A run that stopped part-way: what was applied stays applied, so the answer says exactly what
   * (the counts of each step) and that running the same date again completes it; never "nothing
   * was changed". 503 when the database went away, else 500.
   */
  @ExceptionHandler(OperatorRunService.Incomplete.class)
  ResponseEntity<ProblemDetail> incomplete(OperatorRunService.Incomplete e, HttpServletRequest request, Locale locale) {
    log.error("{}", e.getMessage(), e.getCause());
    boolean unavailable = Problems.databaseUnavailable(e.getCause());
    String code = e.failedStep() == OperatorRunService.Step.LIFECYCLE ? "RUN_STOPPED_IN_LIFECYCLE" : "RUN_STOPPED_IN_BILLING";
    ProblemDetail problem = problems.of(unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR,
        code, List.of(e.date()), locale);
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("date", e.date());
    problem.setProperty("failedStep", e.failedStep());
    if (e.lifecycleFailedAt() != null) {
      problem.setProperty("lifecycleFailedAt", e.lifecycleFailedAt());
    }
    problem.setProperty("lifecycle", e.lifecycle());
    problem.setProperty("billing", e.billing());
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (unavailable) {
      answer.header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
    }
    return answer.body(problem);
  }
}
