package org.billingcenter.payment.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.payment.BalanceService.OverdueInvoice;
import org.billingcenter.payment.BalanceService.Payment;
import org.billingcenter.payment.BalanceService.Preview;
import org.billingcenter.payment.DeclineCode;
import org.billingcenter.payment.PaymentAttempt;
import org.billingcenter.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What paying the balance came to, as the result page says it: each invoice by its number with
 * its attempt's outcome, and the sums. {@code heading}: PAID (nothing overdue any more), DECLINED
 * (nothing came in) or PARTLY.
 */
record Outcome(List<Line> lines, @Nullable Money paid, @Nullable Money stillOverdue) {

  record Line(String number, PaymentAttempt.Status status, @Nullable DeclineCode decline) {}

  static Outcome of(Payment payment, Preview paid) {
    Map<UUID, String> numbers = paid.invoices().stream()
        .collect(Collectors.toMap(o -> o.invoice().invoice(), Outcome::number));
    List<Line> lines = payment.attempts().stream()
        .map(a -> new Line(numbers.getOrDefault(a.invoice(), ""), a.status(), a.declineCode()))
        .toList();
    return new Outcome(lines, payment.paid(), payment.stillOverdue());
  }

  private static String number(OverdueInvoice o) {
    return o.invoice().number() == null ? "" : o.invoice().number();
  }

  public String heading() {
    if (paid == null) {
      return "DECLINED";
    }
    return stillOverdue == null ? "PAID" : "PARTLY";
  }
}
