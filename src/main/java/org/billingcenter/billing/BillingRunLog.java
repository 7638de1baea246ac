package org.billingcenter.billing;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a run's history row on the node that runs it: at the start (one insert, one count of the
 * tenants due), with each batch (one update inside the batch's own transaction, so the history and
 * the billing commit together) and at the end. A failure to record a failure is logged, never
 * thrown over the failure itself.
 */
@Component
class BillingRunLog {

  private static final Logger log = LoggerFactory.getLogger(BillingRunLog.class);
  private static final int FAILURE_MAX = 1000;

  private final RunLogRepository repository;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final String node;

  BillingRunLog(RunLogRepository repository, TransactionTemplate transaction, Clock clock,
      @Value("${billing-center.node-name:}") String node) {
    this.repository = repository;
    this.transaction = transaction;
    this.clock = clock;
    // The JVM's "pid@host" tells two nodes on one host apart, as db-scheduler's picked_by does.
    this.node = node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node;
  }

  UUID start(LocalDate day, String startedBy) {
    UUID id = UUID.randomUUID();
    transaction.executeWithoutResult(s -> repository.insert(id, day, node, startedBy, now()));
    return id;
  }

  void tenantsDue(UUID id, int count) {
    transaction.executeWithoutResult(s -> repository.tenantsDue(id, count, now()));
  }

  /** Inside the batch's transaction. */
  void batch(UUID id, RunTally tally) {
    repository.addBatch(id, tally, now());
  }

  void succeeded(UUID id) {
    transaction.executeWithoutResult(s -> repository.finish(id, BillingRun.Status.SUCCEEDED, null, null, now()));
  }

  void failed(UUID id, OperatorRunService.Step step, Throwable cause) {
    String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    String failure = text.length() > FAILURE_MAX ? text.substring(0, FAILURE_MAX) : text;
    try {
      transaction.executeWithoutResult(s -> repository.finish(id, BillingRun.Status.FAILED, step.name(), failure, now()));
    } catch (RuntimeException e) {
      log.warn("Could not record that billing run {} failed in {}: {}", id, step, e.toString());
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
