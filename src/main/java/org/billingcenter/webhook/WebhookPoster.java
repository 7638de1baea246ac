package org.billingcenter.webhook;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.billingcenter.outbox.Attempt;
import org.springframework.stereotype.Component;

/**
 * One POST with the JDK client: 5 s to connect, 15 s for the whole call (the body included), no
 * redirect followed (a 3xx is a failure: following one could lead past the address check), and at
 * most 64 KB of the answer read, of which the log keeps 1,000 characters.
 */
@Component
class WebhookPoster {

  static final int MAX_RESPONSE_BYTES = 64 * 1024;
  static final int EXCERPT_CHARS = 1000;
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final Duration WHOLE_CALL = Duration.ofSeconds(15);

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(CONNECT)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  Attempt post(URI url, Map<String, String> headers, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(WHOLE_CALL)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> call =
        client.sendAsync(request.build(), info -> new Limited(MAX_RESPONSE_BYTES));
    try {
      HttpResponse<byte[]> response = call.get(WHOLE_CALL.toMillis(), TimeUnit.MILLISECONDS);
      long millis = millisSince(start);
      String excerpt = excerpt(response.body());
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? Attempt.delivered(status, millis, excerpt)
          : Attempt.retry(status, millis, excerpt);
    } catch (TimeoutException e) {
      call.cancel(true);
      return Attempt.retry(null, millisSince(start), "timeout after " + WHOLE_CALL.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return Attempt.retry(null, millisSince(start), excerpt(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(true);
      return Attempt.retry(null, millisSince(start), "interrupted");
    }
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  static String excerpt(byte[] body) {
    return excerpt(new String(body, StandardCharsets.UTF_8));
  }

  static String excerpt(String text) {
    return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS);
  }

  /** Collects at most {@code limit} bytes, then stops reading and lets the connection go. */
  static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Limited(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int n = Math.min(buffer.remaining(), limit - read.size());
        byte[] chunk = new byte[n];
        buffer.get(chunk);
        read.write(chunk, 0, n);
      }
      if (read.size() >= limit) {
        subscription.cancel();
        result.complete(read.toByteArray());
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(read.toByteArray());
    }
  }
}
