package org.billingcenter.payment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.MoneyView;
import org.billingcenter.billing.InvoiceStatus;
import org.billingcenter.payment.BalanceService;
import org.billingcenter.payment.BalanceService.Balance;
import org.billingcenter.payment.BalanceService.InvoiceAttempts;
import org.billingcenter.payment.BalanceService.OverdueInvoice;
import org.billingcenter.payment.BalanceService.Payment;
import org.billingcenter.payment.DeclineCode;
import org.billingcenter.payment.PaymentAttempt;
import org.billingcenter.payment.PaymentReason;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Pay your balance" for programs: the overdue invoices and their sum, paying them now with a
 * payment method on file or a new card (Idempotency-Key honoured; a second payment with nothing
 * left overdue is 409 NOTHING_OVERDUE), and the payment attempts of one invoice.
 */
@RestController
class BalanceApi {

  private final BalanceService balances;

  BalanceApi(BalanceService balances) {
    this.balances = balances;
  }

  record OverdueInvoiceView(
      String invoiceId,
      @Nullable String number,
      LocalDate invoiceDate,
      LocalDate dueDate,
      @Schema(description = "What is left to pay: the total less the credits returned to it.") MoneyView outstanding,
      @Schema(description = "OVERDUE, or UNCOLLECTIBLE once the automatic tries ran out.") InvoiceStatus status,
      @Schema(description = "Why the last try failed (card_declined, insufficient_funds, expired_card, "
          + "processing_error, timeout, no_payment_method).") @Nullable String lastDecline,
      @Schema(description = "When it is tried again by itself; absent when no automatic try is left.")
          @Nullable LocalDate nextRetryOn) {

    static OverdueInvoiceView of(OverdueInvoice o) {
      return new OverdueInvoiceView(o.invoice().invoice().toString(), o.invoice().number(), o.invoice().invoiceDate(),
          o.invoice().dueDate(), MoneyView.of(o.invoice().outstanding()),
          o.invoice().uncollectible() ? InvoiceStatus.UNCOLLECTIBLE : InvoiceStatus.OVERDUE,
          o.lastDecline() == null ? null : o.lastDecline().wire(), o.nextRetryOn());
    }
  }

  record BalanceView(
      @Schema(description = "The sum of the overdue invoices; absent when nothing is overdue.") @Nullable MoneyView overdue,
      @Schema(description = "Everything issued and unpaid, overdue or still being collected.") @Nullable MoneyView owed,
      List<OverdueInvoiceView> invoices) {

    static BalanceView of(Balance b) {
      return new BalanceView(view(b.overdue()), view(b.owed()), b.invoices().stream().map(OverdueInvoiceView::of).toList());
    }
  }

  /** Exactly one of the two; else 422 PAYMENT_METHOD_CHOICE. */
  record PaymentRequest(
      @Schema(description = "A payment method of the organisation's.") @Nullable UUID paymentMethodId,
      @Schema(description = "A new card, saved for the organisation with the payment.") @Valid @Nullable
          NewPaymentMethod newPaymentMethod) {}

  record AttemptOutcomeView(
      String invoiceId,
      @Schema(description = "SUCCEEDED or DECLINED; SENT when the provider has not answered yet (it is asked again).")
          PaymentAttempt.Status status,
      @Schema(description = "Why it did not take the money, when it did not.") @Nullable String reason,
      MoneyView amount) {

    static AttemptOutcomeView of(PaymentAttempt a) {
      return new AttemptOutcomeView(a.invoice().toString(), a.status(), declineOf(a), MoneyView.of(a.amount()));
    }
  }

  record PaymentView(
      List<AttemptOutcomeView> attempts,
      @Schema(description = "What came in; absent when nothing did.") @Nullable MoneyView paid,
      @Schema(description = "What is still overdue afterwards; absent when nothing is.") @Nullable MoneyView stillOverdue) {

    static PaymentView of(Payment p) {
      return new PaymentView(p.attempts().stream().map(AttemptOutcomeView::of).toList(), view(p.paid()),
          view(p.stillOverdue()));
    }
  }

  record AttemptView(
      @Schema(description = "1, 2, … per invoice.") int number,
      @Schema(description = "INVOICE (collection on the invoice date), RETRY (dunning) or PAY_NOW.")
          PaymentAttempt.Trigger trigger,
      PaymentAttempt.Status status,
      @Nullable String reason,
      MoneyView amount,
      Instant createdAt,
      @Nullable Instant finishedAt) {

    static AttemptView of(PaymentAttempt a) {
      return new AttemptView(a.number(), a.trigger(), a.status(), declineOf(a), MoneyView.of(a.amount()), a.createdAt(),
          a.finishedAt());
    }
  }

  record InvoiceAttemptsView(String invoiceId, @Nullable String number, InvoiceStatus status, List<AttemptView> attempts) {
    static InvoiceAttemptsView of(InvoiceAttempts a) {
      return new InvoiceAttemptsView(a.invoice().id().toString(), a.invoice().number(), a.invoice().status(),
          a.attempts().stream().map(AttemptView::of).toList());
    }
  }

  @GetMapping("/api/v1/balance")
  @Operation(summary = "What the organisation is behind on: its overdue invoices, oldest first, and their sum")
  BalanceView balance(@CurrentTenant TenantId tenant) {
    return BalanceView.of(balances.balance(tenant));
  }

  @PostMapping("/api/v1/balance/payments")
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  @Operation(summary = "Pay every overdue invoice now, with a payment method on file or a new card; on money in, that"
      + " method becomes the default and replaces the declined one on the subscriptions (409 NOTHING_OVERDUE when"
      + " nothing is overdue)")
  PaymentView pay(@CurrentTenant TenantId tenant, @Valid @RequestBody PaymentRequest body, Principal me) {
    if ((body.paymentMethodId() == null) == (body.newPaymentMethod() == null)) {
      throw new Rejected(PaymentReason.PAYMENT_METHOD_CHOICE);
    }
    Payment done = body.paymentMethodId() != null
        ? balances.pay(tenant, new PaymentMethodId(body.paymentMethodId()), me.getName())
        : balances.payWithNewCard(tenant, body.newPaymentMethod(), null, me.getName());
    return PaymentView.of(done);
  }

  @GetMapping("/api/v1/invoices/{id}/payment-attempts")
  @Operation(summary = "Every try to collect one of the organisation's invoices, oldest first")
  InvoiceAttemptsView attempts(@CurrentTenant TenantId tenant, @PathVariable UUID id) {
    return InvoiceAttemptsView.of(balances.attempts(tenant, id));
  }

  private static @Nullable MoneyView view(@Nullable Money money) {
    return money == null ? null : MoneyView.of(money);
  }

  private static @Nullable String declineOf(PaymentAttempt a) {
    DeclineCode code = a.status() == PaymentAttempt.Status.DECLINED ? a.declineCode() : null;
    return code == null ? null : code.wire();
  }
}
