package org.billingcenter.payment;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes the billing run's queued collections and refunds to the payment provider. The queue is
 * the database (attempts QUEUED, refunds never sent): a sender claims a chunk with
 * {@code FOR UPDATE SKIP LOCKED}, sends it and claims the next until none is left, so senders on
 * every node share the work and memory stays flat however many invoices a run makes. The run
 * wakes them once its last batch committed ({@code billing-center.payments.sends}):
 *
 * <ul>
 *   <li>{@code background} (the default): {@code billing-center.payments.senders} threads (default
 *       4) drain the queue while the run returns: it never waits for the provider, whose calls take
 *       hundreds of milliseconds each. A node that dies first leaves them queued: the minute sweep
 *       (or a rerun) sends them.
 *   <li>{@code inline}: drained on the run's thread before it returns, so the caller has the
 *       answers (the integration tests, which read them right after a run).
 * </ul>
 */
@Component
class Sends implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Sends.class);

  /** How many collections or refunds a sender claims at a time. */
  static final int CHUNK = 50;

  private final Collector collector;
  private final Refunder refunder;
  private final boolean inline;
  private final int senders;
  private final Duration drain;
  private final ThreadPoolExecutor pool;

  Sends(Collector collector, Refunder refunder,
      @Value("${billing-center.payments.sends:background}") String mode,
      @Value("${billing-center.payments.senders:4}") int senders,
      @Value("${billing-center.payments.drain-on-stop:PT30S}") Duration drain) {
    this.collector = collector;
    this.refunder = refunder;
    this.inline = switch (mode.strip().toLowerCase(Locale.ROOT)) {
      case "inline" -> true;
      case "background" -> false;
      default -> throw new IllegalArgumentException(
          "billing-center.payments.sends must be background or inline, not " + mode);
    };
    this.senders = Math.max(1, senders);
    this.drain = drain;
    AtomicInteger n = new AtomicInteger();
    this.pool = inline ? null : new ThreadPoolExecutor(this.senders, this.senders, 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "payment-sender-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Something was queued and committed: drain the queue (inline: now, on this thread; background:
   * on the senders). A sender not started yet will see it, so at most {@code senders} wait.
   */
  void wake() {
    if (inline) {
      drainQueue();
      return;
    }
    for (int waiting = pool.getQueue().size(); waiting < senders; waiting++) {
      pool.execute(this::drainQueue);
    }
  }

  /** Claims and sends chunk after chunk until nothing is left to claim; how many were sent. */
  int drainQueue() {
    int sent = 0;
    try {
      int claimed;
      do {
        claimed = collector.sendQueued(CHUNK) + refunder.sendUnsent(CHUNK);
        sent += claimed;
      } while (claimed > 0);
    } catch (RuntimeException e) {
      // What was claimed and not answered is SENT, what was not claimed QUEUED: the sweep takes both.
      log.warn("Sending to the payment provider stopped after {}; the sweep sends the rest", sent, e);
    }
    return sent;
  }

  /**
   * On a graceful stop the senders finish what they hold, for at most
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
