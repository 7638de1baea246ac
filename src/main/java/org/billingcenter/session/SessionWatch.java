package org.billingcenter.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.billingcenter.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's memory of the registry, so a page request costs no query: the ids of sessions ended
 * anywhere (polled every second: one small query for the rows ended since the last poll), and the
 * last-seen times of its own sessions (written in one batch every 30 s). Ended ids are forgotten
 * once the idle timeout has passed: by then the container has dropped any session that still had one.
 */
@Component
public class SessionWatch implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SessionWatch.class);

  private final SessionRepository sessions;
  private final SessionSettings settings;
  /** Ended session id → when this node learnt it (nanoTime), for forgetting. */
  private final Map<UUID, Long> ended = new ConcurrentHashMap<>();
  private final Map<UUID, SessionRepository.LastSeen> seen = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService timer;
  private volatile Instant since;
  private volatile Instant databaseTime;
  private volatile long databaseTimeAt;

  SessionWatch(SessionRepository sessions, SessionSettings settings) {
    this.sessions = sessions;
    this.settings = settings;
  }

  /** The per-request check: memory only. */
  public boolean ended(UUID session) {
    return ended.containsKey(session);
  }

  /** The per-request note: memory only; the flush writes it. */
  public void seen(UUID session, TenantId tenant, Instant at) {
    seen.put(session, new SessionRepository.LastSeen(tenant, at));
  }

  /** Ended here: refused on this node at once (others learn it from their poll). */
  void endedHere(Iterable<UUID> ids) {
    long now = System.nanoTime();
    for (UUID id : ids) {
      ended.put(id, now);
      seen.remove(id);
    }
  }

  /** One poll; public for tests that do not wait for the timer. */
  public int poll() {
    Instant pollStart = databaseNow();
    Instant from = since != null ? since : pollStart.minus(settings.overlap());
    List<UUID> found = sessions.endedSince(from);
    endedHere(found);
    // Next time, look back {@code overlap} from this poll's start: an ending stamped before this read
    // but committed after it is still found, and only the last few seconds' endings are read again.
    Instant next = pollStart.minus(settings.overlap());
    since = next.isAfter(from) ? next : from;
    forgetOld();
    return found.size();
  }

  /**
   * The database's time, asked once a minute and carried forward on this node's monotonic clock
   * in between, so a poll stays one query (the Clock bean is the business clock, which tests move).
   */
  private Instant databaseNow() {
    long nanos = System.nanoTime();
    if (databaseTime == null || nanos - databaseTimeAt > TimeUnit.MINUTES.toNanos(1)) {
      databaseTime = sessions.databaseNow();
      databaseTimeAt = System.nanoTime();
      return databaseTime;
    }
    return databaseTime.plusNanos(nanos - databaseTimeAt);
  }

  /** Writes the collected last-seen times; public for tests. */
  public void flush() {
    if (seen.isEmpty()) {
      return;
    }
    Map<UUID, SessionRepository.LastSeen> batch = Map.copyOf(seen);
    batch.forEach(seen::remove); // a newer note taken meanwhile stays for the next flush
    sessions.seen(batch);
  }

  private void forgetOld() {
    long cutoff = System.nanoTime() - settings.idleTimeout().plusMinutes(5).toNanos();
    ended.values().removeIf(learnt -> learnt - cutoff < 0);
  }

  @Override
  public void start() {
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "session-watch");
      thread.setDaemon(true);
      return thread;
    });
    t.scheduleWithFixedDelay(() -> quietly("poll", this::poll), 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
    t.scheduleWithFixedDelay(() -> quietly("flush", this::flush), settings.flush().toMillis(),
        settings.flush().toMillis(), TimeUnit.MILLISECONDS);
    timer = t;
  }

  @Override
  public void stop() {
    ScheduledExecutorService t = timer;
    timer = null;
    if (t != null) {
      t.shutdownNow();
      quietly("final flush", this::flush);
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }

  private static void quietly(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      // The database may be restarting: the next round tries again; the memory stays as it was.
      log.warn("Sessions {} failed: {}", what, e.toString());
    }
  }
}
