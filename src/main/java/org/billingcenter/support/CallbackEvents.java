package org.billingcenter.support;

import org.billingcenter.account.AccountService;
import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A callback request's outbox events, in the transaction of each step. The engineer's notes stay
 * out of them (free text about a customer); the claim tells the engineer's first name only, as
 * the organisation's e-mail says it.
 */
@Component
class CallbackEvents {

  private final Outbox outbox;
  private final AccountService accounts;

  CallbackEvents(Outbox outbox, AccountService accounts) {
    this.outbox = outbox;
    this.accounts = accounts;
  }

  void created(CallbackRequest r, String actor) {
    outbox.append(r.tenant(), EventType.CALLBACK_REQUEST_CREATED, r.id(), base(r)
        .with("preferredLanguage", r.language())
        .with("actor", actor).asMap());
  }

  /** A move to {@code next}: claimed, completed or withdrawn ({@code actor}: who withdrew it). */
  void moved(CallbackRequest r, CallbackStatus next, String actor) {
    switch (next) {
      case CLAIMED -> outbox.append(r.tenant(), EventType.CALLBACK_REQUEST_CLAIMED, r.id(),
          base(r).with("engineerFirstName", firstName(r.engineer())).asMap());
      case COMPLETED -> outbox.append(r.tenant(), EventType.CALLBACK_REQUEST_COMPLETED, r.id(), base(r).asMap());
      case WITHDRAWN -> outbox.append(r.tenant(), EventType.CALLBACK_REQUEST_WITHDRAWN, r.id(),
          base(r).with("actor", actor).asMap());
      default -> throw new IllegalArgumentException("no event for a move to " + next);
    }
  }

  /**
   * Issue 17: completed, with what support did when it did something ({@code outcome}, and for a
   * license removal how many): the organisation's mail says it.
   */
  void completed(CallbackRequest r, CallbackService.@Nullable Worked worked) {
    EventData data = base(r);
    if (worked != null) {
      data = data.with("outcome", worked.outcome().name());
      if (worked.licensesRemoved() != null) {
        data = data.with("licensesRemoved", worked.licensesRemoved());
      }
    }
    outbox.append(r.tenant(), EventType.CALLBACK_REQUEST_COMPLETED, r.id(), data.asMap());
  }

  /**
   * Issue 17: support acted for the organisation with an override reason, no request of its own on
   * file (the reason stays out of the event, as notes do). On a claimed request the request's
   * completion tells the outcome instead.
   */
  void assisted(AssistedActions.Authority a, CallbackOutcome outcome, @Nullable Integer licensesRemoved) {
    EventData data = EventData.of("subscriptionId", a.subscription()).with("outcome", outcome.name());
    if (licensesRemoved != null) {
      data = data.with("licensesRemoved", licensesRemoved);
    }
    outbox.append(a.tenant(), EventType.SUPPORT_ASSISTED_ACTION, a.subscription(), data.asMap());
  }

  private static EventData base(CallbackRequest r) {
    return EventData.of("callbackRequestId", r.id()).with("subscriptionId", r.subscription());
  }

  /** The first word of the engineer's display name; an account gone since is left unnamed. */
  private String firstName(String engineer) {
    try {
      String name = accounts.loadUserByUsername(engineer).account().displayName().trim();
      int space = name.indexOf(' ');
      return space < 0 ? name : name.substring(0, space);
    } catch (UsernameNotFoundException gone) {
      return null;
    }
  }
}
