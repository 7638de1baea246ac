package org.billingcenter.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.support.CallbackService.Worked;
import org.billingcenter.tenant.TenantService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The support console over the callback lifecycle: the queue with what an engineer needs before he
 * dials, the notes he writes while talking, and how the request ends (retained, or an assisted
 * action). Assisted actions themselves live with their modules; {@link AssistedActions} guards them.
 */
@Service
@Validated
public class SupportConsole {

  /** The longest retention text kept (the same bound as an assisted note). */
  public static final int TEXT_MAX = 2000;

  private final SupportQueueRepository queue;
  private final CallbackService callbacks;
  private final SubscriptionService subscriptions;
  private final TenantService tenants;
  private final AuditLog audit;
  private final Clock clock;
  private final int licenseThreshold;

  SupportConsole(SupportQueueRepository queue, CallbackService callbacks, SubscriptionService subscriptions,
      TenantService tenants, AuditLog audit, Clock clock,
      @Value("${billing-center.cancellation.license-threshold:25}") int licenseThreshold) {
    this.queue = queue;
    this.callbacks = callbacks;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
    this.audit = audit;
    this.clock = clock;
    this.licenseThreshold = licenseThreshold;
  }

  /** A request as the queue shows it: the organisation, its subscription and what it was told. */
  public record QueueItem(CallbackRequest request, String tenantName, String productName, String planId,
      int assigned, int quantity, OrganisationDecision decision, long waitingMinutes, List<CallbackNote> notes) {}

  /** A note typed while talking, as the page's form and the API's body send it. */
  public record NewNote(@NotBlank @Size(max = CallbackService.NOTES_MAX) String note) {}

  /** Why the organisation stayed: a reason code for the numbers and the engineer's words. */
  public record Retained(@NotNull RetentionReason reason, @NotBlank @Size(max = TEXT_MAX) String text) {}

  @Transactional(readOnly = true)
  public Page<QueueItem> queue(@Valid QueueFilter filter, PageRequest page) {
    Instant now = clock.instant();
    List<SupportQueueRepository.Row> rows = queue.queue(filter, now, page);
    Map<UUID, List<CallbackNote>> notes = queue.notesOf(rows.stream().map(r -> r.request().id()).toList())
        .stream().collect(Collectors.groupingBy(CallbackNote::request));
    List<QueueItem> items = rows.stream()
        .map(r -> item(r.request(), r.tenantName(), notes.getOrDefault(r.request().id(), List.of()), now))
        .toList();
    return new Page<>(items, page, queue.count(filter, now));
  }

  @Transactional(readOnly = true)
  public QueueItem item(TenantId tenant, UUID id) {
    CallbackRequest r = callbacks.get(tenant, id);
    return item(r, tenants.get(tenant).name(), queue.notes(tenant, id), clock.instant());
  }

  /** The navigation's count of requests nobody has claimed yet. */
  @Transactional(readOnly = true)
  public long newCount() {
    return queue.countNew();
  }

  @Transactional(readOnly = true)
  public Optional<WorkedOutcome> outcome(TenantId tenant, UUID id) {
    return queue.outcome(tenant, id);
  }

  /** A note on an open request, by any engineer working the queue; kept in order, never edited. */
  @Transactional
  public CallbackNote addNote(TenantId tenant, UUID id, String engineer, @Valid NewNote note) {
    CallbackRequest r = callbacks.get(tenant, id);
    if (!r.status().isOpen()) {
      throw new Rejected(SupportReason.CALLBACK_NOT_OPEN, r.status());
    }
    CallbackNote added = new CallbackNote(tenant, id, UUID.randomUUID(), engineer, note.note().strip(), clock.instant());
    queue.insertNote(added);
    audit.record(tenant, engineer, Change.of("CALLBACK_NOTE_ADDED", "callback_request", id).because(added.body()));
    return added;
  }


  /** The organisation decided to stay: completed by the engineer who claimed it, with why. */
  @Transactional
  public CallbackRequest completeRetained(TenantId tenant, UUID id, String engineer, @Valid Retained retained) {
    String text = retained.text().strip();
    CallbackRequest done = callbacks.completeAs(tenant, id, engineer, retained.reason() + ": " + text,
        new Worked(CallbackOutcome.RETAINED, null));
    queue.recordOutcome(tenant, id, CallbackOutcome.RETAINED, retained.reason(), text);
    return done;
  }

  /** Records an assisted action's outcome on the request it completes (called by {@link AssistedActions}). */
  void completeWith(CallbackRequest r, String engineer, String note, Worked worked) {
    callbacks.completeAs(r.tenant(), r.id(), engineer, note, worked);
    queue.recordOutcome(r.tenant(), r.id(), worked.outcome(), null, null);
  }

  private QueueItem item(CallbackRequest r, String tenantName, List<CallbackNote> notes, Instant now) {
    SubscriptionSummary s = subscriptions.get(r.tenant(), r.subscription());
    Instant until = r.status().isOpen() ? now : r.updatedAt();
    long waiting = Math.max(0, Duration.between(r.createdAt(), until).toMinutes());
    return new QueueItem(r, tenantName, s.productName(), s.subscription().planId(), s.assignedLicenses(),
        s.subscription().quantity(), OrganisationDecision.of(s.assignedLicenses(), licenseThreshold), waiting, notes);
  }
}
