package org.billingcenter.support.api;

import java.time.Instant;
import java.util.List;
import org.billingcenter.support.CallbackNote;
import org.billingcenter.support.CallbackStatus;
import org.billingcenter.support.OrganisationDecision;
import org.billingcenter.support.SupportConsole.QueueItem;
import org.jspecify.annotations.Nullable;

/**
 * A request in the support queue as JSON: the callback's own fields plus what the engineer needs
 * before dialling (organisation, product, plan, licenses, what the organisation was told, how long
 * it has waited) and the notes written so far.
 */
record QueueItemView(
    String id,
    String reference,
    String tenantId,
    String tenantName,
    String subscriptionId,
    String productName,
    String planName,
    int assigned,
    int quantity,
    OrganisationDecision.Kind decision,
    int licensesToRemove,
    String contactName,
    String phone,
    String language,
    String timeWindow,
    CallbackStatus status,
    @Nullable String engineer,
    Instant requestedAt,
    long waitingMinutes,
    List<NoteView> notes) {

  static QueueItemView of(QueueItem i) {
    var r = i.request();
    return new QueueItemView(r.id().toString(), r.reference(), r.tenant().toString(), i.tenantName(),
        r.subscription().toString(), i.productName(), i.planId(), i.assigned(), i.quantity(), i.decision().kind(),
        i.decision().licensesToRemove(), r.contactName(), r.phone(), r.language(), r.preferredTimeWindow(),
        r.status(), r.engineer(), r.createdAt(), i.waitingMinutes(), i.notes().stream().map(NoteView::of).toList());
  }

  /** One note of the history. */
  record NoteView(String id, String engineer, String note, Instant createdAt) {
    static NoteView of(CallbackNote n) {
      return new NoteView(n.id().toString(), n.engineer(), n.body(), n.createdAt());
    }
  }
}
