package org.billingcenter.billing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The operator's read side of billing runs: their history, one run's progress, the daily schedule. */
@Service
public class BillingRunHistory {

  private final RunLogRepository log;

  BillingRunHistory(RunLogRepository log) {
    this.log = log;
  }

  /** Newest first; {@code status} null for all. */
  public Page<BillingRun> runs(BillingRun.@Nullable Status status, PageRequest page) {
    return new Page<>(log.page(status, page), page, log.count(status));
  }

  public BillingRun run(UUID id) {
    return log.find(id).orElseThrow(() -> new Rejected(BillingReason.BILLING_RUN_NOT_FOUND));
  }

  /** The daily job's schedule; empty where the scheduler never registered it (e.g. disabled). */
  public Optional<BillingSchedule> schedule() {
    return log.schedule(BillingJobs.DAILY);
  }

  /** When the last run that succeeded (on any node, however started) finished. */
  public Optional<Instant> lastSuccess() {
    return log.lastSuccess();
  }
}
