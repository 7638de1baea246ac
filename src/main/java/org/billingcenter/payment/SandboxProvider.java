package org.billingcenter.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.payment.PaymentProvider.Answer;
import org.billingcenter.payment.SandboxChargeRepository.Booked;
import org.billingcenter.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The default payment provider: a documented sandbox whose payment-method tokens decide the
 * outcome, as providers' test tokens do (README "Payments that fail"). It keeps its own books
 * ({@code sandbox_charge}, charges and refunds) in transactions of its own, committed before it
 * answers, as a real provider's are: a caller that loses the answer (a timeout, a node killed
 * mid-call) finds the charge or refund there when it asks again with the same idempotency key,
 * and no money moves twice.
 *
 * <ul>
 *   <li>{@code tok_chargeDeclined}: declined ({@code card_declined});
 *   <li>{@code tok_insufficientFunds}: declined ({@code insufficient_funds}) for the first two
 *       charges made with the token, then succeeds;
 *   <li>{@code tok_expiredCard}: declined ({@code expired_card});
 *   <li>{@code tok_processingError}: the first call of each key is a transient error
 *       ({@code processing_error}, nothing taken), a repeat of the key succeeds;
 *   <li>{@code tok_timeout}: takes the money and never answers the first call of a key; a repeat
 *       of the key answers with that charge;
 *   <li>{@code tok_refundFail}: charges succeed, refunds are declined ({@code refund_failed});
 *   <li>any other token ({@code tok_visa} …) succeeds.
 * </ul>
 *
 * Refunds follow the same token rules where they apply: {@code tok_processingError} and
 * {@code tok_timeout} behave as for a charge; every other token but {@code tok_refundFail} is refunded.
 *
 * A token may carry a suffix ({@code tok_chargeDeclined_acme}): the behaviour is the name's, the
 * counters are the whole token's.
 */
@Component
class SandboxProvider implements PaymentProvider {

  private static final Logger log = LoggerFactory.getLogger(SandboxProvider.class);

  static final String DECLINED = "tok_chargeDeclined";
  static final String INSUFFICIENT_FUNDS = "tok_insufficientFunds";
  static final String EXPIRED = "tok_expiredCard";
  static final String PROCESSING_ERROR = "tok_processingError";
  static final String TIMEOUT = "tok_timeout";
  static final String REFUND_FAIL = "tok_refundFail";

  /** A call the sandbox books: a charge or a refund. */
  enum Kind { CHARGE, REFUND }

  record Call(Kind kind, String idempotencyKey, String token, Money amount) {}

  /** How many charges {@code tok_insufficientFunds} declines before it succeeds. */
  static final int INSUFFICIENT_FUNDS_DECLINES = 2;

  private final SandboxChargeRepository books;
  private final TransactionTemplate ownBooks;
  private final Clock clock;
  private final Duration hang;

  SandboxProvider(SandboxChargeRepository books, PlatformTransactionManager transactions, Clock clock,
      @Value("${billing-center.payments.sandbox-hang:PT10M}") Duration hang) {
    this.books = books;
    this.ownBooks = new TransactionTemplate(transactions);
    this.ownBooks.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.hang = hang;
  }

  @Override
  public Answer charge(Charge charge) {
    return answer(new Call(Kind.CHARGE, charge.idempotencyKey(), charge.token(), charge.amount()));
  }

  @Override
  public Answer refund(Refund refund) {
    return answer(new Call(Kind.REFUND, refund.idempotencyKey(), refund.token(), refund.amount()));
  }

  private Answer answer(Call call) {
    Optional<Booked> earlier = booked(call.idempotencyKey());
    if (earlier.isPresent() && !earlier.get().outcome().equals("ERROR")) {
      return earlier.get().answer(); // a replay of the key: the first result, no money moved again
    }
    String token = call.token();
    if (token.startsWith(PROCESSING_ERROR) && earlier.isEmpty()) {
      book(call, "ERROR", DeclineCode.PROCESSING_ERROR);
      return Answer.transientError(DeclineCode.PROCESSING_ERROR);
    }
    Answer answer = call.kind() == Kind.CHARGE ? decideCharge(token) : decideRefund(token);
    Booked booked = earlier.isPresent() ? settleError(call, answer) : book(call, answer);
    if (token.startsWith(TIMEOUT) && earlier.isEmpty()) {
      neverAnswer(call.idempotencyKey());
    }
    return booked.answer();
  }

  private Answer decideCharge(String token) {
    if (token.startsWith(DECLINED)) {
      return Answer.declined(DeclineCode.CARD_DECLINED);
    }
    if (token.startsWith(EXPIRED)) {
      return Answer.declined(DeclineCode.EXPIRED_CARD);
    }
    if (token.startsWith(INSUFFICIENT_FUNDS) && chargesWith(token) < INSUFFICIENT_FUNDS_DECLINES) {
      return Answer.declined(DeclineCode.INSUFFICIENT_FUNDS);
    }
    return Answer.succeeded(reference("ch_"));
  }

  private static Answer decideRefund(String token) {
    if (token.startsWith(REFUND_FAIL)) {
      return Answer.declined(DeclineCode.REFUND_FAILED);
    }
    return Answer.succeeded(reference("re_"));
  }

  private static String reference(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  /** The first call of a {@code tok_timeout} key: the charge is booked, the answer never comes. */
  private void neverAnswer(String key) {
    log.info("Sandbox: {} booked, the answer is held back (tok_timeout)", key);
    try {
      Thread.sleep(hang.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("the sandbox held back its answer (tok_timeout)");
  }

  private Optional<Booked> booked(String key) {
    return books.find(key);
  }

  private long chargesWith(String token) {
    return books.chargesWith(token);
  }

  private Booked book(Call call, Answer answer) {
    return book(call, answer.kind().name(), answer.kind() == Answer.Kind.SUCCEEDED ? null : DeclineCode.ofWire(answer.code()),
        answer.reference());
  }

  private Booked book(Call call, String outcome, DeclineCode code) {
    return book(call, outcome, code, "err_" + UUID.randomUUID().toString().substring(0, 8));
  }

  private Booked book(Call call, String outcome, DeclineCode code, String reference) {
    String id = reference == null ? "dc_" + UUID.randomUUID().toString().substring(0, 8) : reference;
    try {
      ownBooks.executeWithoutResult(s -> books.insert(call, id, outcome, code, clock.instant()));
      return new Booked(outcome, code == null ? null : code.wire(), id);
    } catch (DuplicateKeyException concurrent) {
      return booked(call.idempotencyKey()).orElseThrow(); // the same key at the same time: one booking
    }
  }

  /** A repeat of a key whose first call was a transient error: the money moves now. */
  private Booked settleError(Call call, Answer answer) {
    String code = answer.kind() == Answer.Kind.SUCCEEDED ? null : answer.code();
    String id = answer.reference() == null ? "dc_" + UUID.randomUUID().toString().substring(0, 8) : answer.reference();
    ownBooks.executeWithoutResult(s -> books.settleError(call.idempotencyKey(), answer.kind().name(), code, id));
    return booked(call.idempotencyKey()).orElseThrow();
  }
}
