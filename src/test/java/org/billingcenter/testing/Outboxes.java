package org.billingcenter.testing;

import org.billingcenter.outbox.OutboxDispatcher;

/** Test contexts run the outbox dispatcher by hand (its thread is off there). */
public final class Outboxes {

  private Outboxes() {}

  /**
   * Rounds of the dispatcher until one finds nothing to fan out or send now (other tests' events
   * included, in a shared context); fails when the outbox keeps finding work.
   */
  public static void drain(OutboxDispatcher dispatcher) {
    for (int i = 0; i < 200; i++) {
      OutboxDispatcher.Result r = dispatcher.runOnce();
      if (r.fannedOut() == 0 && r.sent() == 0) {
        return;
      }
    }
    throw new AssertionError("the outbox did not drain in 200 rounds");
  }
}
