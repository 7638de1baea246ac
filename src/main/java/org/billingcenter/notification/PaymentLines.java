package org.billingcenter.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.billingcenter.shared.Message;
import org.billingcenter.shared.Money;

/**
 * Issue 18: what the mails of a failed and a recovered payment say, sentence by sentence. A failure
 * says what was not collected, why in plain words, and what happens next: the next automatic try,
 * or (after the last one) that there are no more and the subscriptions expire, their users keeping
 * access for the days an expired subscription lingers — except those kept active while a callback
 * request about them is open. An invoice without a number yet is named
 * without one.
 */
final class PaymentLines {

  private PaymentLines() {}

  /**
   * @param k the kind's key prefix ({@code notification.mail.payment_failed})
   * @param declineKey the plain-words message of the decline ({@code payment.decline.<code>})
   * @param last whether it was the last automatic try
   * @param nextTry the next automatic try, when one is planned
   * @param daysOfAccess how long an expired subscription keeps its users' access
   * @param kept subscriptions kept active after the last try because a callback request about them is open
   */
  static List<Message> failed(String k, Money amount, String invoiceNumber, String declineKey, boolean last,
      LocalDate nextTry, int daysOfAccess, int kept) {
    List<Message> lines = new ArrayList<>();
    lines.add(invoiceNumber == null ? Message.of(k + ".text.unnumbered", amount) : Message.of(k + ".text", amount, invoiceNumber));
    lines.add(Message.of(declineKey));
    if (last && kept > 0) {
      lines.add(Message.of(k + ".final.kept", kept, daysOfAccess));
    } else if (last) {
      lines.add(Message.of(k + ".final", daysOfAccess));
    } else if (nextTry != null) {
      lines.add(Message.of(k + ".next-try", nextTry));
    } else {
      lines.add(Message.of(k + ".no-retry"));
    }
    lines.add(Message.of(k + ".pay"));
    return lines;
  }

  /** @param card the card charged as the pages show it, null when it is not known any more */
  static List<Message> receipt(String k, Money amount, String invoiceNumber, String card) {
    List<Message> lines = new ArrayList<>();
    lines.add(invoiceNumber == null ? Message.of(k + ".text.unnumbered", amount) : Message.of(k + ".text", amount, invoiceNumber));
    if (card != null) {
      lines.add(Message.of(k + ".card", card));
    }
    lines.add(Message.of(k + ".stops"));
    return lines;
  }
}
