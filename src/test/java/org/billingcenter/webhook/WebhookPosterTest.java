package org.billingcenter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WebhookPosterTest {

  @Test
  void the_body_reader_stops_at_64_kb_and_cancels_the_rest() throws Exception {
    var body = new WebhookPoster.Limited(WebhookPoster.MAX_RESPONSE_BYTES);
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicLong requested = new AtomicLong();
    body.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        requested.addAndGet(n);
      }

      @Override
      public void cancel() {
        cancelled.set(true);
      }
    });
    for (int i = 0; i < 10 && !cancelled.get(); i++) {
      body.onNext(List.of(ByteBuffer.wrap(new byte[16 * 1024]), ByteBuffer.wrap(new byte[16 * 1024])));
    }
    assertThat(cancelled).isTrue();
    assertThat(body.getBody().toCompletableFuture().get()).hasSize(64 * 1024);
    assertThat(requested.get()).isEqualTo(2);
  }

  @Test
  void a_short_body_is_read_whole_and_the_excerpt_is_at_most_1000_characters() throws Exception {
    var body = new WebhookPoster.Limited(WebhookPoster.MAX_RESPONSE_BYTES);
    body.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {}
    });
    body.onNext(List.of(ByteBuffer.wrap("ok".getBytes())));
    body.onComplete();
    assertThat(body.getBody().toCompletableFuture().get()).containsExactly('o', 'k');
    assertThat(WebhookPoster.excerpt("x".repeat(5000))).hasSize(1000);
  }
}
