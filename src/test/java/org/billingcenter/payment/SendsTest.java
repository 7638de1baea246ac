package org.billingcenter.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Where and when the run's charges and refunds are sent: never before the commit, chunked on the pool. */
class SendsTest {

  private static final List<Integer> HUNDRED_AND_ONE = IntStream.range(0, 101).boxed().toList();

  @Test
  void background_sends_go_to_the_pool_in_chunks_and_the_caller_does_not_wait() throws Exception {
    Sends sends = new Sends("background", 2, Duration.ofSeconds(5));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(3);
    List<Integer> chunkSizes = new CopyOnWriteArrayList<>();
    Set<String> threads = ConcurrentHashMap.newKeySet();

    sends.afterCommit(HUNDRED_AND_ONE, chunk -> {
      threads.add(Thread.currentThread().getName());
      chunkSizes.add(chunk.size());
      await(release);
      done.countDown();
    });
    // The caller is back while every send still waits.
    assertThat(done.getCount()).isEqualTo(3);
    release.countDown();

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(chunkSizes).containsExactlyInAnyOrder(Sends.CHUNK, Sends.CHUNK, 1);
    assertThat(threads).allMatch(t -> t.startsWith("payment-sender-"));
    sends.destroy();
  }

  @Test
  void nothing_is_sent_before_the_commit_and_nothing_after_a_rollback() {
    Sends sends = new Sends("inline", 1, Duration.ZERO);
    List<Integer> sent = new CopyOnWriteArrayList<>();
    TransactionSynchronizationManager.initSynchronization();
    try {
      sends.afterCommit(List.of(1, 2, 3), sent::addAll);
      assertThat(sent).as("inside the transaction").isEmpty();
      TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
      assertThat(sent).as("inline: on the committing thread, all at once").containsExactly(1, 2, 3);
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
    }

    TransactionSynchronizationManager.initSynchronization();
    try {
      sends.afterCommit(List.of(4), sent::addAll);
      TransactionSynchronizationManager.getSynchronizations()
          .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
      assertThat(sent).as("rolled back: never sent").containsExactly(1, 2, 3);
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void a_failing_chunk_does_not_stop_the_others_and_an_unknown_mode_is_refused() throws Exception {
    Sends sends = new Sends("BACKGROUND", 1, Duration.ofSeconds(5));
    List<Integer> sent = new CopyOnWriteArrayList<>();
    sends.afterCommit(HUNDRED_AND_ONE, chunk -> {
      if (chunk.contains(0)) {
        throw new IllegalStateException("the provider is down");
      }
      sent.addAll(chunk);
    });
    sends.destroy(); // drains what was handed over
    assertThat(sent).hasSize(HUNDRED_AND_ONE.size() - Sends.CHUNK);

    assertThatThrownBy(() -> new Sends("later", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("background or inline");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
