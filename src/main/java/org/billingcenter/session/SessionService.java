package org.billingcenter.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.AccountAccessChanged;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registering, listing and ending web sessions, for one owner at a time (an organisation, or the
 * operator side): another owner's session is "not found". Ending someone's session is audited in
 * the organisation's trail (operator-side ones are logged); sign-outs and expiries are not.
 * An ended session is refused on this node as soon as the ending commits, on the others within
 * their next poll.
 */
@Service
public class SessionService {

  private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
  static final String ENTITY = "web_session";

  private final SessionRepository sessions;
  private final SessionWatch watch;
  private final SessionSettings settings;
  private final AuditLog audit;
  private final Clock clock;

  SessionService(SessionRepository sessions, SessionWatch watch, SessionSettings settings, AuditLog audit,
      Clock clock) {
    this.sessions = sessions;
    this.watch = watch;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** A session that just signed in; its id is the random key the servlet session carries. */
  @Transactional
  public WebSession register(SessionOwner owner, String username, String clientAddress, String userAgent) {
    Instant now = clock.instant();
    WebSession s = new WebSession(UUID.randomUUID(), owner.tenant(), username, now, now,
        clip(clientAddress, 64), clip(Devices.describe(userAgent), 100));
    sessions.insert(s);
    return s;
  }

  /** Active sessions of the owner (optionally one username's), newest first. */
  @Transactional(readOnly = true)
  public Page<WebSession> active(SessionOwner owner, String username, PageRequest page) {
    return sessions.active(owner, username, idleSince(), page);
  }

  /** One active session of the owner whoever it belongs to; not found otherwise. */
  @Transactional(readOnly = true)
  public WebSession get(SessionOwner owner, UUID id) {
    return sessions.findActive(owner, id, idleSince()).orElseThrow(() -> new Rejected(SessionReason.SESSION_NOT_FOUND));
  }

  /** One of the person's own sessions, ended by himself. */
  @Transactional
  public void endOwn(SessionOwner owner, String me, UUID id) {
    WebSession s = get(owner, id);
    if (!s.username().equals(me)) {
      throw new Rejected(SessionReason.SESSION_NOT_FOUND);
    }
    end(owner, s, me, EndReason.ENDED_BY_OWNER, "ended by its owner");
  }

  /** Every session of the person except {@code keep} (the one he is using; null: none). Returns how many. */
  @Transactional
  public int endOthers(SessionOwner owner, String me, UUID keep) {
    int count = 0;
    for (UUID id : sessions.open(owner, me)) {
      if (!id.equals(keep) && sessions.end(owner, id, me, EndReason.ENDED_BY_OWNER)) {
        changed(owner, me, AuditLog.Change.of("SESSION_ENDED", ENTITY, id).from(me).because("ended by its owner"));
        endedOnCommit(List.of(id));
        count++;
      }
    }
    return count;
  }

  /** Any session of the owner (a Global admin's organisation; the operator's side), by an admin. */
  @Transactional
  public void endAsAdmin(SessionOwner owner, String admin, UUID id) {
    WebSession s = get(owner, id);
    end(owner, s, admin, s.username().equals(admin) ? EndReason.ENDED_BY_OWNER : EndReason.ENDED_BY_ADMIN,
        s.username().equals(admin) ? "ended by its owner" : "ended by an admin");
  }

  /** Sign-out or expiry: the row ends, nothing is audited. */
  @Transactional
  public void closed(SessionOwner owner, UUID id, String by, EndReason reason) {
    if (sessions.end(owner, id, by, reason)) {
      endedOnCommit(List.of(id));
    }
  }

  /**
   * Someone's access changed (roles, removal, password): every session of his ends once that change
   * committed, in a transaction of its own; without a transaction around the publisher, at once.
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(AccountAccessChanged changed) {
    SessionOwner owner = SessionOwner.of(changed.tenant());
    List<UUID> ended = new ArrayList<>();
    for (UUID id : sessions.open(owner, changed.username())) {
      if (sessions.end(owner, id, null, EndReason.ACCESS_CHANGED)) {
        changed(owner, "system", AuditLog.Change.of("SESSION_ENDED", ENTITY, id).from(changed.username())
            .because("access changed: " + changed.why()));
        ended.add(id);
      }
    }
    endedOnCommit(ended);
  }

  private void end(SessionOwner owner, WebSession s, String by, EndReason reason, String why) {
    if (sessions.end(owner, s.id(), by, reason)) {
      changed(owner, by, AuditLog.Change.of("SESSION_ENDED", ENTITY, s.id()).from(s.username()).because(why));
      endedOnCommit(List.of(s.id()));
    }
  }

  /** Refused on this node once the ending is durable; a rollback refuses nothing. */
  private void endedOnCommit(List<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      watch.endedHere(ids);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        watch.endedHere(ids);
      }
    });
  }

  private Instant idleSince() {
    return clock.instant().minus(settings.idleTimeout());
  }

  private void changed(SessionOwner owner, String actor, AuditLog.Change change) {
    if (owner.operatorSide()) {
      LOG.info("Operator-side session ended by {}: {} of {} ({})", actor, change.entityId(), change.before(),
          change.reason());
    } else {
      audit.record(owner.tenant(), actor, change);
    }
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
