package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderTurnsTest {

  @Test
  void neverMoreRendersAtOnceThanTurns() throws Exception {
    RenderTurns turns = new RenderTurns(2, Duration.ofSeconds(30));
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      all.add(pool.submit(() -> {
        try (RenderTurns.Turn turn = turns.take()) {
          most.accumulateAndGet(now.incrementAndGet(), Math::max);
          Thread.sleep(2);
          now.decrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : all) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(most.get()).isEqualTo(2);
    assertThat(turns.inUse()).isZero();
    assertThat(turns.impatient()).isZero();
  }

  @Test
  void waitingRendersGetTheirTurnsInArrivalOrder() throws Exception {
    RenderTurns turns = new RenderTurns(1, Duration.ofSeconds(30));
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    List<Thread> waiting = new ArrayList<>();
    RenderTurns.Turn held = turns.take();
    for (int i = 0; i < 5; i++) {
      int arrival = i;
      Thread t = new Thread(() -> {
        try (RenderTurns.Turn turn = turns.take()) {
          order.add(arrival);
        }
      });
      t.start();
      waiting.add(t);
      awaitWaiting(turns, i + 1);
    }
    held.close();
    for (Thread t : waiting) {
      t.join(10_000);
    }
    assertThat(order).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void aRenderThatWaitedThePatienceGoesAheadWithoutATurn() {
    RenderTurns turns = new RenderTurns(1, Duration.ofMillis(80));
    RenderTurns.Turn held = turns.take();
    long started = System.nanoTime();
    try (RenderTurns.Turn none = turns.take()) {
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(80));
      assertThat(turns.impatient()).isEqualTo(1);
    }
    assertThat(turns.inUse()).as("going ahead without a turn gives none back").isEqualTo(1);
    held.close();
    assertThat(turns.inUse()).isZero();
  }

  @Test
  void anInterruptedWaitGoesAheadAndKeepsTheInterrupt() throws Exception {
    RenderTurns turns = new RenderTurns(1, Duration.ofSeconds(30));
    RenderTurns.Turn held = turns.take();
    CountDownLatch done = new CountDownLatch(1);
    boolean[] interrupted = new boolean[1];
    Thread t = new Thread(() -> {
      try (RenderTurns.Turn none = turns.take()) {
        interrupted[0] = Thread.currentThread().isInterrupted();
      }
      done.countDown();
    });
    t.start();
    awaitWaiting(turns, 1);
    t.interrupt();
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted[0]).isTrue();
    assertThat(turns.impatient()).isEqualTo(1);
    held.close();
    assertThat(turns.inUse()).isZero();
  }

  @Test
  void aTurnIsGivenBackWhenTheRenderFails() {
    RenderTurns turns = new RenderTurns(1, Duration.ofSeconds(1));
    assertThatThrownBy(() -> {
      try (RenderTurns.Turn turn = turns.take()) {
        throw new IllegalStateException("template error");
      }
    }).isInstanceOf(IllegalStateException.class);
    assertThat(turns.inUse()).isZero();
  }

  @Test
  void oneTurnPerCoreUnlessConfigured() {
    assertThat(RenderTurns.forCores(0)).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(RenderTurns.forCores(3)).isEqualTo(3);
    assertThatThrownBy(() -> new RenderTurns(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
  }

  static void awaitWaiting(RenderTurns turns, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (turns.waiting() < count) {
      assertThat(System.nanoTime()).as("%d renders waiting", count).isLessThan(deadline);
      Thread.sleep(1);
    }
  }
}
