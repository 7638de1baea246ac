package org.billingcenter.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Page renders take turns: at most {@code turns} at once (by default one per processor core), first
 * come, first served. Rendering a page is CPU work (the template engine, after the controller has
 * read what it shows): on a small host sixteen renders at once take as long in total as sixteen one
 * after another, but each of them finishes at the end, so a queue in arrival order gives the same
 * throughput with less waiting for most pages (measured in docs/PERFORMANCE.md, "Fifth pass").
 * A render that has waited {@code patience} goes ahead without its turn: the turns order work, they
 * never refuse it. Plain Java, no framework: {@link TurnTakingView} uses it for every page.
 */
public final class RenderTurns {

  /** Given back by {@link #close()}; a render that went ahead without a turn gives nothing back. */
  public interface Turn extends AutoCloseable {
    @Override
    void close();
  }

  private final Semaphore turns;
  private final int size;
  private final long patienceNanos;
  private final AtomicLong impatient = new AtomicLong();

  public RenderTurns(int turns, Duration patience) {
    if (turns < 1) {
      throw new IllegalArgumentException("turns must be at least 1: " + turns);
    }
    this.size = turns;
    this.turns = new Semaphore(turns, true);
    this.patienceNanos = patience.toNanos();
  }

  /** One turn per processor core when {@code configured} is 0. */
  public static int forCores(int configured) {
    return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
  }

  /** Waits for a turn, at most the patience; an interrupted wait keeps the interrupt and goes ahead. */
  public Turn take() {
    boolean taken;
    try {
      taken = turns.tryAcquire(patienceNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      taken = false;
    }
    if (!taken) {
      impatient.incrementAndGet();
      return () -> {};
    }
    return turns::release;
  }

  public int size() {
    return size;
  }

  /** Renders in progress with a turn. */
  public int inUse() {
    return size - turns.availablePermits();
  }

  /** Renders waiting for a turn (an estimate, as {@link Semaphore#getQueueLength()}). */
  public int waiting() {
    return turns.getQueueLength();
  }

  /** Renders that went ahead without a turn since the start. */
  public long impatient() {
    return impatient.get();
  }
}
