package org.billingcenter.support;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Callback requests, from the organisation's ask to the support engineer's last note. */
@Service
@Validated
public class CallbackService {

  public static final Set<String> LANGUAGES = Set.of("en", "fr", "da", "bg", "zh-CN", "zh-TW");

  private final CallbackRepository requests;
  private final SubscriptionService subscriptions;
  private final TenantService tenants;
  private final AuditLog audit;
  private final CallbackEvents events;
  private final Clock clock;

  CallbackService(
      CallbackRepository requests,
      SubscriptionService subscriptions,
      TenantService tenants,
      AuditLog audit,
      CallbackEvents events,
      Clock clock) {
    this.requests = requests;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** The longest notes a support engineer may keep on a request. */
  public static final int NOTES_MAX = 4000;

  /**
   * "Let us call you" as the API's JSON body and the cancel page's form send it: the one set of
   * constraints both are checked against (and this service again, whoever calls it).
   */
  public record NewCallback(
      @NotNull UUID subscriptionId,
      @NotBlank @Size(max = 200) String contactName,
      @NotBlank @Size(max = 40) String phone,
      @NotBlank @Size(max = 10) String language,
      @NotBlank @Size(max = 100) String preferredTimeWindow) {

    public NewCallback(
        SubscriptionId subscription, String contactName, String phone, String language, String preferredTimeWindow) {
      this(subscription.value(), contactName, phone, language, preferredTimeWindow);
    }

    public SubscriptionId subscription() {
      return new SubscriptionId(subscriptionId);
    }

    /** The same request about the given subscription (a page's address names it, not its form). */
    public NewCallback about(SubscriptionId subscription) {
      return new NewCallback(subscription.value(), contactName, phone, language, preferredTimeWindow);
    }
  }

  /** A support engineer's notes, as the API's JSON body and the console's forms send them. */
  public record Notes(@Size(max = NOTES_MAX) @Nullable String notes) {}

  @Transactional
  public CallbackRequest request(TenantId tenant, @Valid NewCallback ask, String actor) {
    subscriptions.get(tenant, ask.subscription());
    if (!LANGUAGES.contains(ask.language())) {
      throw new Rejected(SupportReason.UNSUPPORTED_LANGUAGE, String.join(", ", LANGUAGES.stream().sorted().toList()));
    }
    String phone = e164(ask.phone(), tenants.get(tenant).country());
    if (requests.hasOpen(tenant, ask.subscription())) {
      throw new Rejected(SupportReason.CALLBACK_ALREADY_OPEN);
    }
    CallbackRequest created =
        new CallbackRequest(tenant, UUID.randomUUID(), ask.subscription(), ask.contactName().trim(), phone,
            ask.language(), ask.preferredTimeWindow().trim(), CallbackStatus.NEW, null, null,
            clock.instant(), clock.instant(), actor);
    try {
      requests.insert(created);
    } catch (DuplicateKeyException raced) {
      throw new Rejected(SupportReason.CALLBACK_ALREADY_OPEN);
    }
    audit.record(tenant, actor,
        Change.of("CALLBACK_REQUESTED", "callback_request", created.id()).to("NEW for subscription " + ask.subscription()));
    events.created(created, actor);
    return created;
  }

  /** Which of the organisation's requests a list shows: one subscription's, one status's, or all. */
  public record Filter(@Nullable UUID subscriptionId, @Nullable CallbackStatus status) {
    public static final Filter ALL = new Filter(null, null);
  }

  @Transactional(readOnly = true)
  public Page<CallbackRequest> forTenant(TenantId tenant, PageRequest page) {
    return forTenant(tenant, Filter.ALL, page);
  }

  @Transactional(readOnly = true)
  public Page<CallbackRequest> forTenant(TenantId tenant, Filter filter, PageRequest page) {
    return new Page<>(requests.listForTenant(tenant, filter, page), page, requests.countForTenant(tenant, filter));
  }

  @Transactional(readOnly = true)
  public CallbackRequest get(TenantId tenant, UUID id) {
    return requests.find(tenant, id).orElseThrow(() -> new Rejected(SupportReason.CALLBACK_NOT_FOUND));
  }

  /** The subscription's open request, else its newest closed one: what its pages show. */
  @Transactional(readOnly = true)
  public Optional<CallbackRequest> latest(TenantId tenant, SubscriptionId subscription) {
    return requests.latest(tenant, subscription);
  }

  /** The organisation's open requests, oldest first (at most one per subscription). */
  @Transactional(readOnly = true)
  public List<CallbackRequest> open(TenantId tenant) {
    return requests.openForTenant(tenant);
  }

  @Transactional(readOnly = true)
  public Page<CallbackRequest> queue(CallbackStatus status, PageRequest page) {
    return new Page<>(requests.queue(status, page), page, requests.countQueue(status));
  }

  @Transactional
  public CallbackRequest claim(TenantId tenant, UUID id, String engineer) {
    CallbackRequest r = open(tenant, id, CallbackStatus.NEW);
    return save(r, CallbackStatus.CLAIMED, engineer, r.notes(), engineer, "CALLBACK_CLAIMED", engineer);
  }

  /** Only the engineer who claimed it completes it, and says what happened. */
  @Transactional
  public CallbackRequest complete(TenantId tenant, UUID id, String engineer, @Size(max = NOTES_MAX) String notes) {
    return completeAs(tenant, id, engineer, notes, null);
  }

  /**
   * Completes with what support did ({@link SupportConsole} records the outcome's details in the same
   * transaction); the organisation's event says which outcome it was.
   */
  CallbackRequest completeAs(TenantId tenant, UUID id, String engineer, String notes, @Nullable Worked worked) {
    if (notes == null || notes.isBlank()) {
      throw new Rejected(SupportReason.NOTES_REQUIRED);
    }
    CallbackRequest r = claimedBy(tenant, id, engineer);
    CallbackRequest next = save(r, CallbackStatus.COMPLETED, engineer, notes.trim(), engineer,
        worked == null ? "CALLBACK_COMPLETED" : "CALLBACK_COMPLETED_" + worked.outcome(), engineer, false);
    events.completed(next, worked);
    return next;
  }

  /** What support did for the organisation on a completed request (licensesRemoved only for that outcome). */
  record Worked(CallbackOutcome outcome, @Nullable Integer licensesRemoved) {}

  /** Issue 17: the engineer who claimed a request hands it back to the queue, for anyone to claim. */
  @Transactional
  public CallbackRequest release(TenantId tenant, UUID id, String engineer) {
    CallbackRequest r = claimedBy(tenant, id, engineer);
    // No event: the organisation hears again when the next engineer claims it.
    return save(r, CallbackStatus.NEW, null, r.notes(), engineer, "CALLBACK_RELEASED", engineer, false);
  }

  private CallbackRequest claimedBy(TenantId tenant, UUID id, String engineer) {
    CallbackRequest r = open(tenant, id, CallbackStatus.CLAIMED);
    if (!engineer.equals(r.engineer())) {
      throw new Rejected(SupportReason.CALLBACK_CLAIMED_BY_OTHER, r.engineer());
    }
    return r;
  }

  /** The organisation no longer needs the call, or support closes it without one. */
  @Transactional
  public CallbackRequest withdraw(TenantId tenant, UUID id, String actor, @Size(max = NOTES_MAX) String notes) {
    CallbackRequest r = requests.findForUpdate(tenant, id).orElseThrow(() -> new Rejected(SupportReason.CALLBACK_NOT_FOUND));
    if (!r.status().isOpen()) {
      throw new Rejected(SupportReason.CALLBACK_WRONG_STATUS, r.status());
    }
    String kept = notes == null || notes.isBlank() ? r.notes() : notes.trim();
    // A support engineer, or the system when the subscription ended (CallbacksOnCancellation).
    String eventActor = CallbacksOnCancellation.ACTOR.equals(actor) ? actor : "support:" + actor;
    return save(r, CallbackStatus.WITHDRAWN, r.engineer(), kept, actor, "CALLBACK_WITHDRAWN", eventActor);
  }

  /**
   * The organisation takes its request back: the account that asked for the call, or a Global admin
   * of the organisation. Only an open request can be withdrawn; asking again opens a new one.
   */
  @Transactional
  public CallbackRequest withdrawByOrganisation(TenantId tenant, UUID id, String actor, boolean globalAdmin) {
    CallbackRequest r = requests.findForUpdate(tenant, id).orElseThrow(() -> new Rejected(SupportReason.CALLBACK_NOT_FOUND));
    if (!r.status().isOpen()) {
      throw new Rejected(SupportReason.CALLBACK_NOT_OPEN, r.status());
    }
    if (!globalAdmin && !actor.equals(r.requestedBy())) {
      throw new Rejected(SupportReason.CALLBACK_NOT_REQUESTER);
    }
    return save(r, CallbackStatus.WITHDRAWN, r.engineer(), r.notes(), actor, "CALLBACK_WITHDRAWN", actor);
  }

  private CallbackRequest open(TenantId tenant, UUID id, CallbackStatus expected) {
    CallbackRequest r = requests.findForUpdate(tenant, id).orElseThrow(() -> new Rejected(SupportReason.CALLBACK_NOT_FOUND));
    if (r.status() != expected) {
      throw new Rejected(SupportReason.CALLBACK_WRONG_STATUS, r.status());
    }
    return r;
  }

  private CallbackRequest save(
      CallbackRequest r, CallbackStatus status, String engineer, String notes, String actor, String action,
      String eventActor) {
    return save(r, status, engineer, notes, actor, action, eventActor, true);
  }

  private CallbackRequest save(
      CallbackRequest r, CallbackStatus status, String engineer, String notes, String actor, String action,
      String eventActor, boolean event) {
    CallbackRequest next =
        new CallbackRequest(r.tenant(), r.id(), r.subscription(), r.contactName(), r.phone(), r.language(),
            r.preferredTimeWindow(), status, engineer, notes, r.createdAt(), clock.instant(), r.requestedBy());
    requests.update(next);
    audit.record(r.tenant(), actor,
        Change.of(action, "callback_request", r.id()).from(r.status()).to(status).because(notes));
    if (event) {
      events.moved(next, status, eventActor);
    }
    return next;
  }

  /** A real, dialable number, normalised to E.164; a national number is read in the tenant's country. */
  static String e164(String raw, String country) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      PhoneNumber number = util.parse(raw, country);
      if (!util.isValidNumber(number)) {
        throw new Rejected(SupportReason.INVALID_PHONE);
      }
      return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw new Rejected(SupportReason.INVALID_PHONE);
    }
  }

  /**
   * The tenant-local day the organisation first asked for a call about the subscription on or after
   * the tenant-local day {@code since}, withdrawn requests aside: the refund window counts the
   * request's time, not the engineer's.
   */
  @Transactional(readOnly = true)
  public Optional<LocalDate> firstRequestOn(TenantId tenant, SubscriptionId subscription, LocalDate since) {
    ZoneId zone = tenants.get(tenant).timeZone();
    return requests.firstRequestAt(tenant, subscription, since.atStartOfDay(zone).toInstant())
        .map(at -> LocalDate.ofInstant(at, zone));
  }

  // Issue 17 runs: begin
  /** The queue's size (NEW and CLAIMED requests) and when its oldest open request came in. */
  public record QueueStats(long open, java.time.@Nullable Instant oldestRequestedAt) {}

  /** For the operator's health page and its meters: one cheap query over open requests, all tenants. */
  public QueueStats queueStats() {
    return requests.queueStats();
  }
  // Issue 17 runs: end
}
