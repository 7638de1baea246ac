package org.billingcenter.payment;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where the billing run's charges and refunds are sent to the payment provider once the
 * transaction that queued them committed ({@code billing-center.payments.sends}):
 *
 * <ul>
 *   <li>{@code background} (the default): on a small pool of their own
 *       ({@code billing-center.payments.senders} threads, default 4), in chunks. The run invoices and
 *       queues; it never waits for the provider, whose calls take hundreds of milliseconds each: a
 *       day of 100,000 invoices would otherwise hold the run for hours. A node that dies with sends
 *       still waiting leaves its attempts QUEUED (its refunds unsent): the minute sweep sends them.
 *   <li>{@code inline}: on the committing thread, so the caller has the answers when it returns
 *       (the integration tests, which read them right after a run).
 * </ul>
 *
 * Never before the commit: no money moves for rows that roll back.
 */
@Component
class Sends implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Sends.class);

  /** How many attempts or refunds one pool task sends, one after the other. */
  static final int CHUNK = 50;

  private final boolean inline;
  private final ExecutorService pool;
  private final Duration drain;

  Sends(@Value("${billing-center.payments.sends:background}") String mode,
      @Value("${billing-center.payments.senders:4}") int senders,
      @Value("${billing-center.payments.drain-on-stop:PT30S}") Duration drain) {
    this.drain = drain;
    this.inline = switch (mode.strip().toLowerCase(Locale.ROOT)) {
      case "inline" -> true;
      case "background" -> false;
      default -> throw new IllegalArgumentException(
          "billing-center.payments.sends must be background or inline, not " + mode);
    };
    AtomicInteger n = new AtomicInteger();
    this.pool = inline ? null : new ThreadPoolExecutor(Math.max(1, senders), Math.max(1, senders), 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "payment-sender-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Sends {@code items} with {@code send} once the caller's transaction commits (at once without one). */
  <T> void afterCommit(List<T> items, Consumer<List<T>> send) {
    if (items.isEmpty()) {
      return;
    }
    Runnable dispatch = () -> dispatch(List.copyOf(items), send);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          dispatch.run();
        }
      });
    } else {
      dispatch.run();
    }
  }

  private <T> void dispatch(List<T> items, Consumer<List<T>> send) {
    if (inline) {
      send.accept(items);
      return;
    }
    for (int from = 0; from < items.size(); from += CHUNK) {
      List<T> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
      pool.execute(() -> {
        try {
          send.accept(chunk);
        } catch (RuntimeException e) {
          // What was not sent stays queued: the minute sweep sends it.
          log.warn("Sending {} to the payment provider stopped; the sweep picks up the rest", chunk.size(), e);
        }
      });
    }
  }

  /**
   * On a graceful stop the sends already handed over finish, for at most
   * {@code billing-center.payments.drain-on-stop} (default 30 s; the run-once command stops right
   * after its run); what is left stays queued for another node's sweep.
   */
  @Override
  public void destroy() throws InterruptedException {
    if (pool != null) {
      pool.shutdown();
      if (!pool.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
        log.info("Stopping with payment sends still waiting; they stay queued for the sweep");
      }
    }
  }
}
