package org.billingcenter.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this node's dispatcher as soon as a transaction that wrote events has committed, so a
 * delivery waits for a free dispatcher rather than for the next poll. Other nodes still find the
 * events by polling.
 */
@Component
class OutboxWakeUp {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signalled = lock.newCondition();
  private boolean pending;

  /** Signals once after the current transaction commits (nothing if it rolls back). */
  void afterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      signal();
      return;
    }
    boolean registered = TransactionSynchronizationManager.getSynchronizations().stream()
        .anyMatch(s -> s instanceof Signal signal && signal.owner() == this);
    if (!registered) {
      TransactionSynchronizationManager.registerSynchronization(new Signal(this));
    }
  }

  void signal() {
    lock.lock();
    try {
      pending = true;
      signalled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Returns when signalled (at once if a signal came since the last wait) or after {@code limit}. */
  void await(Duration limit) throws InterruptedException {
    lock.lock();
    try {
      long nanos = limit.toNanos();
      while (!pending && nanos > 0) {
        nanos = signalled.awaitNanos(nanos);
      }
      pending = false;
    } finally {
      lock.unlock();
    }
  }

  private record Signal(OutboxWakeUp owner) implements TransactionSynchronization {
    @Override
    public void afterCommit() {
      owner.signal();
    }
  }
}
