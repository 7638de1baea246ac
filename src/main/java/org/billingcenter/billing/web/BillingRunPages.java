package org.billingcenter.billing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.PageLinks;
import org.billingcenter.billing.BillingRun;
import org.billingcenter.billing.BillingRunHistory;
import org.billingcenter.billing.OperatorRunService;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's billing runs: the history newest first (filtered by status), the daily job's next
 * run, and starting a run as check → confirmation → started. A run in progress shows a progress bar
 * that htmx refreshes from this same handler ({@code live} fragment) until the run ends; without
 * JavaScript the page shows the state at load time.
 */
@Controller
@RequestMapping("/operator/billing-runs")
@PreAuthorize("hasRole('OPERATOR')")
class BillingRunPages {

  private static final String PAGE = "billing/runs";

  private final BillingRunHistory history;
  private final OperatorRunService runs;
  private final Clock clock;

  BillingRunPages(BillingRunHistory history, OperatorRunService runs, Clock clock) {
    this.history = history;
    this.runs = runs;
    this.clock = clock;
  }

  @GetMapping
  String page(@RequestParam(required = false) @Nullable UUID run,
      @RequestParam(required = false) BillingRun.@Nullable Status status, PageRequest page,
      @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
    // The run in progress first, then the history: a run that finishes in between shows finished in
    // both, never done in the bar and still running in the list.
    model.addAttribute("current", current(run));
    Page<BillingRun> list = history.runs(status, page);
    model.addAttribute("runs", list.items());
    model.addAttribute("pager", PageLinks.of(list, "page"));
    model.addAttribute("status", status);
    model.addAttribute("statuses", BillingRun.Status.values());
    if (htmx != null) {
      return PAGE + " :: live";
    }
    model.addAttribute("schedule", history.schedule().orElse(null));
    model.addAttribute("today", LocalDate.now(clock));
    return PAGE;
  }

  /** The run asked for, else the newest one still running, else none. */
  private @Nullable BillingRun current(@Nullable UUID run) {
    if (run != null) {
      return history.run(run);
    }
    return history.runs(BillingRun.Status.RUNNING, new PageRequest(1, 1)).items().stream().findFirst().orElse(null);
  }

  /** Step 1: the check (refusals come back as the page's error) and what the run will do; reads only. */
  @GetMapping("/check")
  String check(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
    model.addAttribute("check", runs.check(date));
    return "billing/run-confirm";
  }

  /** Step 2: confirmed; the run starts on this node and the page follows its progress. */
  @PostMapping("/start")
  String start(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @AuthenticationPrincipal SignedInAccount me, RedirectAttributes flash) {
    UUID id = runs.start(date, me.getUsername());
    flash.addFlashAttribute("notice", "billing.runs.notice.started");
    return "redirect:/operator/billing-runs?run=" + id;
  }
}
