package org.billingcenter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.api.Problems;
import org.billingcenter.shared.Message;
import org.billingcenter.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, money and sentences as CLDR writes them in the page's language and the organisation's
 * country: {@code ${@fmt.money(m)}}, {@code ${@fmt.text(decision.message(false))}}.
 */
@Component("fmt")
class Formats {

  private final LocalFormats formats;
  private final Problems problems;

  Formats(LocalFormats formats, Problems problems) {
    this.formats = formats;
    this.problems = problems;
  }

  public String money(Money money) {
    return formats.money(money, LocaleContextHolder.getLocale());
  }

  public String date(LocalDate date) {
    return formats.date(date, LocaleContextHolder.getLocale());
  }

  /** Date and time of a moment already in the organisation's zone. */
  public String dateTime(LocalDateTime moment) {
    return formats.dateTime(moment, LocaleContextHolder.getLocale());
  }

  /**
   * A moment of the service's own logs (deliveries, sent mails), the same for every reader whatever
   * organisation or none: in UTC, said so.
   */
  public String utc(Instant moment) {
    return moment == null ? "" : formats.dateTime(moment.atZone(ZoneOffset.UTC).toLocalDateTime(),
        LocaleContextHolder.getLocale()) + " UTC";
  }

  /** A sentence with its values (a decision, a refusal) in the page's language. */
  public String text(Message message) {
    return problems.text(message, LocaleContextHolder.getLocale());
  }
}
