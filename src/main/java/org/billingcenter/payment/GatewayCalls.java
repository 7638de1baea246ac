package org.billingcenter.payment;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.billingcenter.payment.PaymentProvider.Answer;
import org.billingcenter.payment.PaymentProvider.Charge;
import org.billingcenter.payment.PaymentProvider.Refund;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every call to the payment provider: bounded by a timeout ({@code billing-center.payments.gateway-timeout},
 * default 10 s), and a transient error or a timeout tried again at once with the same idempotency
 * key ({@code billing-center.payments.gateway-tries}, default 3, with a short growing pause), which
 * the provider answers with the first call's result: a charge whose answer was lost is found, never
 * made twice. Still no answer after the last try: the result is unknown, and the attempt stays SENT
 * (the refund pending settlement) for {@link Collector#sweep} ({@link Refunder#sweep}) to ask again
 * later with the same key. Charges and refunds go through the same calls.
 */
@Component
class GatewayCalls {

  private static final Logger log = LoggerFactory.getLogger(GatewayCalls.class);

  /** What the calls came to: the provider's final answer, or null when none came. */
  record Result(Answer answer, int calls, DeclineCode lastProblem) {
    boolean known() {
      return answer != null;
    }
  }

  private final PaymentProvider provider;
  private final Duration timeout;
  private final int tries;
  private final Duration pause;
  private final MeterRegistry meters;
  private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "payment-gateway");
    t.setDaemon(true);
    return t;
  });

  GatewayCalls(PaymentProvider provider, MeterRegistry meters,
      @Value("${billing-center.payments.gateway-timeout:PT10S}") Duration timeout,
      @Value("${billing-center.payments.gateway-tries:3}") int tries,
      @Value("${billing-center.payments.gateway-pause:PT0.2S}") Duration pause) {
    this.provider = provider;
    this.meters = meters;
    this.timeout = timeout;
    this.tries = Math.max(1, tries);
    this.pause = pause;
  }

  /** How long an attempt's calls can take at most: a SENT attempt older than this lost its answer. */
  Duration longest() {
    return timeout.plus(pause).multipliedBy(tries);
  }

  Result charge(Charge charge) {
    return call(charge.idempotencyKey(), () -> provider.charge(charge));
  }

  Result refund(Refund refund) {
    return call(refund.idempotencyKey(), () -> provider.refund(refund));
  }

  private Result call(String key, Callable<Answer> providerCall) {
    DeclineCode problem = null;
    for (int call = 1; call <= tries; call++) {
      long started = System.nanoTime();
      Future<Answer> answer = calls.submit(providerCall);
      try {
        Answer a = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        record(a.kind().name(), started);
        if (a.kind() != Answer.Kind.TRANSIENT) {
          return new Result(a, call, null);
        }
        problem = DeclineCode.ofWire(a.code());
      } catch (TimeoutException e) {
        answer.cancel(true);
        record("TIMEOUT", started);
        problem = DeclineCode.TIMEOUT;
      } catch (ExecutionException e) {
        record("ERROR", started);
        log.warn("Payment provider call {} of {} failed", call, key, e.getCause());
        problem = DeclineCode.PROCESSING_ERROR;
      } catch (InterruptedException e) {
        answer.cancel(true);
        Thread.currentThread().interrupt();
        return new Result(null, call, DeclineCode.TIMEOUT);
      }
      log.info("Payment provider call {} of {} got no final answer ({}); {}", call, key,
          problem.wire(), call < tries ? "trying the same key again" : "left for the sweep");
      if (call < tries) {
        sleep(pause.multipliedBy(call));
      }
    }
    return new Result(null, tries, problem);
  }

  private void record(String outcome, long started) {
    meters.timer("billing.payments.gateway.calls", "outcome", outcome)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
