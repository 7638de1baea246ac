package org.billingcenter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.billingcenter.shared.Message;
import org.billingcenter.shared.Money;
import org.junit.jupiter.api.Test;

/** Issue 18: what a failed payment's mail and a receipt say next, by what the event tells. */
class PaymentLinesTest {

  static final String FAILED = "notification.mail.payment_failed";
  static final String RECEIPT = "notification.mail.payment_receipt";
  static final Money AMOUNT = Money.of(2000, "EUR");

  @Test
  void a_failure_with_a_try_planned_gives_its_date_and_the_way_to_pay() {
    assertThat(PaymentLines.failed(FAILED, AMOUNT, "INV-2026-000042", "payment.decline.card_declined", false,
        LocalDate.of(2026, 3, 11), 30, 0)).containsExactly(
            Message.of(FAILED + ".text", AMOUNT, "INV-2026-000042"),
            Message.of("payment.decline.card_declined"),
            Message.of(FAILED + ".next-try", LocalDate.of(2026, 3, 11)),
            Message.of(FAILED + ".pay"));
  }

  @Test
  void the_last_try_says_there_is_none_left_and_how_long_users_keep_access_even_if_a_date_was_given() {
    assertThat(PaymentLines.failed(FAILED, AMOUNT, null, "payment.decline.expired_card", true,
        LocalDate.of(2026, 4, 9), 30, 0)).containsExactly(
            Message.of(FAILED + ".text.unnumbered", AMOUNT),
            Message.of("payment.decline.expired_card"),
            Message.of(FAILED + ".final", 30),
            Message.of(FAILED + ".pay"));
  }

  @Test
  void the_last_try_with_a_callback_open_says_what_stays_active_instead_of_that_everything_expires() {
    assertThat(PaymentLines.failed(FAILED, AMOUNT, "INV-1", "payment.decline.card_declined", true, null, 30, 1))
        .containsExactly(
            Message.of(FAILED + ".text", AMOUNT, "INV-1"),
            Message.of("payment.decline.card_declined"),
            Message.of(FAILED + ".final.kept", 1, 30),
            Message.of(FAILED + ".pay"));
  }

  @Test
  void a_failure_with_nothing_planned_says_so() {
    assertThat(PaymentLines.failed(FAILED, AMOUNT, "INV-1", "payment.decline.timeout", false, null, 30, 0))
        .contains(Message.of(FAILED + ".no-retry")).doesNotContain(Message.of(FAILED + ".final", 30));
  }

  @Test
  void a_receipt_names_the_card_when_it_is_known() {
    assertThat(PaymentLines.receipt(RECEIPT, AMOUNT, "INV-1", "Visa •••• 4242")).containsExactly(
        Message.of(RECEIPT + ".text", AMOUNT, "INV-1"), Message.of(RECEIPT + ".card", "Visa •••• 4242"),
        Message.of(RECEIPT + ".stops"));
    assertThat(PaymentLines.receipt(RECEIPT, AMOUNT, null, null)).containsExactly(
        Message.of(RECEIPT + ".text.unnumbered", AMOUNT), Message.of(RECEIPT + ".stops"));
  }
}
