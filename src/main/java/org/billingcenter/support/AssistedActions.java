package org.billingcenter.support;

import jakarta.validation.constraints.Size;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.AssistedActionPolicy.Access;
import org.billingcenter.support.CallbackService.Worked;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The guard around every action a support engineer takes for an organisation (cancellation, license
 * removal): {@link #authorize} before it, in its transaction, and {@link #done} after it. Pages and
 * API both go through the modules' services, which call this, so neither can skip it.
 */
@Service
@Validated
public class AssistedActions {

  /** The longest override reason kept. */
  public static final int OVERRIDE_MAX = 2000;

  private final CallbackRepository requests;
  private final SupportConsole console;
  private final AuditLog audit;
  private final CallbackEvents events;

  AssistedActions(CallbackRepository requests, SupportConsole console, AuditLog audit, CallbackEvents events) {
    this.requests = requests;
    this.console = console;
    this.audit = audit;
    this.events = events;
  }

  /** Leave to act: how the engineer stands, the open request (if any) and his override reason. */
  public record Authority(
      TenantId tenant, SubscriptionId subscription, String engineer, Access access,
      @Nullable CallbackRequest request, @Nullable String overrideReason) {}

  /**
   * The engineer's leave to act on the subscription, or NO_CLAIMED_REQUEST (403, with the policy's
   * {@code access} as an extension) when he has no claimed request and gave no override reason.
   */
  @Transactional(readOnly = true)
  public Authority authorize(TenantId tenant, SubscriptionId subscription, String engineer,
      @Nullable @Size(max = OVERRIDE_MAX) String overrideReason) {
    CallbackRequest open = requests.latest(tenant, subscription).filter(r -> r.status().isOpen()).orElse(null);
    Access access = AssistedActionPolicy.decide(open == null ? null : open.status(),
        open == null ? null : open.engineer(), engineer, overrideReason);
    if (!access.allowed()) {
      throw new Rejected(SupportReason.NO_CLAIMED_REQUEST).with("access", access.name());
    }
    return new Authority(tenant, subscription, engineer, access, open,
        access.overridden() ? overrideReason.strip() : null);
  }

  /**
   * After the action, in its transaction: the audit line (flagged {@code override=true} with the
   * reason when there was no claimed request) and then what tells the organisation: on the engineer's
   * claimed request, its completion with the outcome; without one, the {@code support.assisted_action}
   * event, whose mail cannot be turned off (nobody in the organisation asked for the change).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void done(Authority a, CallbackOutcome outcome, @Nullable Integer licensesRemoved, String note) {
    String flag = a.access().overridden()
        ? "override=true; reason=" + a.overrideReason()
        : "override=false; request=" + a.request().reference();
    audit.record(a.tenant(), a.engineer(), Change.of("SUPPORT_ASSISTED_" + outcome, "subscription", a.subscription())
        .to(outcome + (licensesRemoved == null ? "" : " " + licensesRemoved))
        .because(flag + "; note=" + note));
    if (a.access() == Access.CLAIMED_BY_YOU) {
      console.completeWith(a.request(), a.engineer(), note, new Worked(outcome, licensesRemoved));
    } else {
      events.assisted(a, outcome, licensesRemoved);
    }
  }
}
