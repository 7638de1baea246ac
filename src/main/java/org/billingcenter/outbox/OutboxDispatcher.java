package org.billingcenter.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox on this node: a thread of its own fans new events out to the channels'
 * targets and sends due deliveries, as long as there is work, then waits for a commit that wrote
 * events ({@link OutboxWakeUp}) or the poll interval. Every node runs one; row locks split the work
 * (not db-scheduler, whose recurring tasks run on one node at a time). With
 * {@code billing-center.outbox.enabled=false} the thread does not run; {@link #runOnce()} still works.
 */
@Component
public class OutboxDispatcher implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final Duration PURGE_EVERY = Duration.ofHours(1);

  /** What one round did: events fanned out and deliveries claimed for sending. */
  public record Result(int fannedOut, int sent) {}

  private final ObjectProvider<DeliveryChannel> channelBeans;
  private final OutboxSettings settings;
  private final OutboxWakeUp wakeUp;
  private final FanOut fanOut;
  private final DeliverySender sender;
  private final PurgeRepository purges;
  private final Clock clock;
  private long lastPurgeNanos;
  private final String name = "outbox-" + INSTANCES.incrementAndGet();
  private volatile Channels channels;
  private volatile ExecutorService pool;
  private volatile Thread thread;
  private volatile boolean running;

  OutboxDispatcher(OutboxRepository repository, PurgeRepository purges, ObjectProvider<DeliveryChannel> channelBeans,
      PlatformTransactionManager transactions, OutboxSettings settings, Clock clock, OutboxWakeUp wakeUp,
      OutboxMetrics metrics) {
    this.purges = purges;
    this.clock = clock;
    this.channelBeans = channelBeans;
    this.settings = settings;
    this.wakeUp = wakeUp;
    TransactionTemplate tx = new TransactionTemplate(transactions);
    this.fanOut = new FanOut(repository, tx, clock, settings.fanOutBatch());
    RetryPolicy retry = RetryPolicy.of(settings.retry(), () -> ThreadLocalRandom.current().nextDouble());
    this.sender = new DeliverySender(repository, tx, clock, retry, metrics, settings.sendBatch());
  }

  /** One round: a batch of events fanned out, then a batch of due deliveries sent. */
  public Result runOnce() {
    Channels here = channels();
    int fanned = fanOut.runOnce(here);
    int sent = sender.runOnce(here, pool());
    return new Result(fanned, sent);
  }

  /**
   * Deletes deliveries finished more than {@code purge-after} ago, their tries, and the events left
   * without deliveries; nothing when the setting is 0. Returns how many deliveries went.
   */
  public int purge() {
    if (settings.purgeAfter().isZero() || settings.purgeAfter().isNegative()) {
      return 0;
    }
    return purges.purgeFinishedBefore(clock.instant().minus(settings.purgeAfter()));
  }

  @Override
  public synchronized void start() {
    if (!settings.enabled() || running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
      thread = null;
    }
    if (t != null) {
      wakeUp.signal();
      try {
        // The round in progress finishes and commits; a send hanging past this is recorded by no
        // one, and its delivery is due again once this node's locks are gone.
        t.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public void destroy() {
    stop();
    ExecutorService p = pool;
    if (p != null) {
      p.shutdownNow();
    }
  }

  /**
   * Woken by a commit sooner than {@code wake-up-gap} after the last round started: wait out the
   * rest. Under load every commit wakes the dispatcher, and a round per commit would cost the
   * database a claim and a look for due deliveries each time (the provisioning benchmark's
   * PostgreSQL CPU); a gap of 50 ms lets the events of all commits in it share one round.
   */
  private void keepTheGap(long roundStarted) throws InterruptedException {
    long rest = settings.wakeUpGap().toNanos() - (System.nanoTime() - roundStarted);
    if (rest > 0 && running) {
      Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
    }
  }

  private void loop() {
    boolean failing = false;
    while (running) {
      boolean more = false;
      long roundStarted = System.nanoTime();
      try {
        Result r = runOnce();
        purgeHourly();
        more = r.fannedOut() >= settings.fanOutBatch() || r.sent() >= settings.sendBatch();
        if (failing) {
          log.info("Outbox dispatcher {} works again", name);
          failing = false;
        }
      } catch (RuntimeException e) {
        if (!failing) {
          log.warn("Outbox dispatcher {} failed a round; retrying every {}", name, settings.pollInterval(), e);
          failing = true;
        }
      }
      if (!more && running) {
        try {
          wakeUp.await(settings.pollInterval());
          keepTheGap(roundStarted);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void purgeHourly() {
    long now = System.nanoTime();
    if (lastPurgeNanos == 0 || now - lastPurgeNanos >= PURGE_EVERY.toNanos()) {
      lastPurgeNanos = now;
      int purged = purge();
      if (purged > 0) {
        log.info("Outbox: purged {} finished deliveries older than {}", purged, settings.purgeAfter());
      }
    }
  }

  private Channels channels() {
    Channels c = channels;
    if (c == null) {
      c = new Channels(channelBeans.orderedStream().toList());
      channels = c;
    }
    return c;
  }

  private synchronized ExecutorService pool() {
    if (pool == null) {
      AtomicInteger n = new AtomicInteger();
      ThreadFactory threads = r -> {
        Thread t = new Thread(r, name + "-send-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
      pool = Executors.newFixedThreadPool(settings.sendConcurrency(), threads);
    }
    return pool;
  }
}
