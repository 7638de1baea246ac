package org.billingcenter.cancellation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.billingcenter.billing.BillingService;
import org.billingcenter.billing.PeriodCharge;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.cancellation.CancellationDecision.Preview;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionCancelled;
import org.billingcenter.subscription.SubscriptionEndingUndone;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.support.AssistedActions;
import org.billingcenter.support.CallbackOutcome;
import org.billingcenter.support.CallbackService;
import org.billingcenter.account.Role;
import org.billingcenter.tenant.Member;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Checks and carries out cancellations. {@link #check} and {@link #cancel} build the same snapshot
 * and ask the same policy, so the preview shown is exactly what the cancellation then does.
 */
@Service
@Validated
public class CancellationService {

  private final SubscriptionService subscriptions;
  private final LicensingService licensing;
  private final BillingService billing;
  private final TenantService tenants;
  private final CatalogService catalog;
  private final CancellationRepository cancellations;
  private final CancellationSettings settings;
  private final CallbackService callbacks;
  private final AssistedActions assistedActions;
  private final ApplicationEventPublisher events;
  private final CancellationEvents outbox;
  private final Clock clock;

  CancellationService(
      SubscriptionService subscriptions,
      LicensingService licensing,
      BillingService billing,
      TenantService tenants,
      CatalogService catalog,
      CancellationRepository cancellations,
      CancellationSettings settings,
      CallbackService callbacks,
      AssistedActions assistedActions,
      ApplicationEventPublisher events,
      CancellationEvents outbox,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.licensing = licensing;
    this.billing = billing;
    this.tenants = tenants;
    this.catalog = catalog;
    this.cancellations = cancellations;
    this.settings = settings;
    this.callbacks = callbacks;
    this.assistedActions = assistedActions;
    this.events = events;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The decision with the names of the members who would lose access. */
  public record Check(CancellationDecision decision, List<Member> membersLosingAccess) {}

  /** The longest survey comment and assisted-cancellation note kept. */
  public static final int TEXT_MAX = 2000;

  /**
   * What the survey and the caller say alongside a cancel request, as the API's JSON body and the
   * cancel pages' forms send it: the one set of constraints both are checked against.
   */
  public record Request(
      @Nullable CancelWhen when, @Nullable LeavingReason reason, @Size(max = TEXT_MAX) @Nullable String comment) {

    /** When and why default to "now" and "other" where the caller said nothing. */
    public Request withDefaults() {
      return new Request(when == null ? CancelWhen.NOW : when, reason == null ? LeavingReason.OTHER : reason, comment);
    }
  }

  /**
   * A support engineer's cancellation for an organisation: the request, the mandatory note and (issue
   * 17) the override reason needed when he has no claimed callback request for the subscription.
   */
  public record AssistedRequest(
      @Nullable CancelWhen when, @Nullable LeavingReason reason, @Size(max = TEXT_MAX) @Nullable String comment,
      @NotBlank @Size(max = TEXT_MAX) String note,
      @Nullable @Size(max = AssistedActions.OVERRIDE_MAX) String overrideReason) {

    public Request request() {
      return new Request(when, reason, comment).withDefaults();
    }
  }

  @Transactional(readOnly = true)
  public Check check(TenantId tenant, SubscriptionId id, Canceller who, CancelWhen when) {
    Subscription subscription = subscriptions.get(tenant, id).subscription();
    return withNames(tenant, CancellationPolicy.decide(snapshot(subscription, who, when)));
  }

  /** Cancels as previewed, or refuses with the policy's outcome and changes nothing. */
  @Transactional
  public Check cancel(TenantId tenant, SubscriptionId id, Canceller who, @Valid Request request) {
    if (who.assisting() && (who.note() == null || who.note().isBlank())) {
      throw new Rejected(CancellationRefusal.ASSISTED_NOTE_REQUIRED);
    }
    if (who.note() != null && who.note().length() > TEXT_MAX) {
      throw new Rejected(CancellationRefusal.ASSISTED_NOTE_TOO_LONG, TEXT_MAX);
    }
    Subscription locked = subscriptions.lock(tenant, id);
    CancellationDecision decision = CancellationPolicy.decide(snapshot(locked, who, request.when()));
    if (!decision.allowed()) {
      throw decision.refusal();
    }
    Preview preview = decision.preview();
    String why = request.reason() + (who.assisting() ? " — assisted: " + who.note() : "");
    if (preview.when() == CancelWhen.NOW) {
      licensing.releaseAll(tenant, id, who.username());
      subscriptions.endNow(locked, who.username(), why);
    } else {
      subscriptions.scheduleEnd(locked, preview.effectiveOn(), who.username(), why);
    }
    cancellations.insert(
        new CancellationRepository.Row(
            tenant, id, preview.when(), preview.effectiveOn(), request.reason(), request.comment(),
            preview.credit(), who.username(), who.assisting() ? who.note() : null, clock.instant()));
    events.publishEvent(
        new SubscriptionCancelled(
            tenant, id, preview.when() == CancelWhen.NOW, preview.effectiveOn(),
            locked.currentPeriod().start(), preview.credit(), preview.creditReturnedOn(), who.username()));
    Check done = withNames(tenant, decision);
    outbox.cancelled(locked, preview, who, done.membersLosingAccess());
    return done;
  }

  /**
   * Issue 17: a support engineer cancels for the organisation, on the callback request he claimed or
   * with an override reason (support's AssistedActions refuses anything else); the request is then
   * completed as cancelled and the audit line says which it was.
   */
  @Transactional
  public Check cancelAssisted(TenantId tenant, SubscriptionId id, String engineer, @Valid AssistedRequest assisted) {
    AssistedActions.Authority authority = assistedActions.authorize(tenant, id, engineer, assisted.overrideReason());
    Check done = cancel(tenant, id, new Canceller(engineer, java.util.Set.of(Role.SUPPORT_ENGINEER), assisted.note()),
        assisted.request());
    assistedActions.done(authority, CallbackOutcome.CANCELLED, null, assisted.note().strip());
    return done;
  }

  /** Takes back a term-end cancellation before it takes effect. */
  @Transactional
  public void undo(TenantId tenant, SubscriptionId id, Canceller who) {
    if (who.roles().stream().noneMatch(CancellationPolicy.MAY_CANCEL::contains)) {
      throw new Rejected(CancellationOutcome.NOT_PERMITTED);
    }
    subscriptions.undoScheduledEnd(tenant, id, who.username());
  }

  /** However it was undone (the API here, or the subscription's page), the cancellation is closed. */
  @EventListener
  void undone(SubscriptionEndingUndone undone) {
    cancellations.markUndone(undone.tenant(), undone.subscription(), undone.at());
  }

  private CancellationSnapshot snapshot(Subscription s, Canceller who, CancelWhen when) {
    TenantId tenant = s.tenant();
    LocalDate today = tenants.today(tenant);
    Optional<PeriodCharge> charge =
        s.currentPeriod() == null ? Optional.empty() : billing.chargeFor(tenant, s.id(), s.currentPeriod().start());
    LocalDate returnOn =
        s.currentPeriod() == null ? null : billing.creditReturnDate(tenant, s.id(), s.currentPeriod(), today);
    return new CancellationSnapshot(
        s.status(), s.isEnding(), licensing.seatHolders(s), settings.licenseThreshold(),
        // A trial converts only with a payment method and its conversion on (issue 13).
        s.hasPaymentMethod() && s.autoRenew(), s.trialEnd(), who.roles(), when, clock.instant(), today, s.currentPeriod(),
        charge, returnOn, catalog.plan(s.planId()).unitPrice().currency(), settings.refundWindow(), requestedOn(s));
  }

  /** The tenant-local day the organisation first asked for a call in the current period; null if it did not. */
  private LocalDate requestedOn(Subscription s) {
    if (settings.refundWindow().days() == null || s.currentPeriod() == null) {
      return null;
    }
    return callbacks.firstRequestOn(s.tenant(), s.id(), s.currentPeriod().start()).orElse(null);
  }

  private Check withNames(TenantId tenant, CancellationDecision decision) {
    List<Member> losing =
        decision.preview() == null ? List.of() : tenants.members(tenant, decision.preview().membersLosingAccess());
    return new Check(decision, losing);
  }
}
