package org.billingcenter.web.pages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.billingcenter.api.MoneyView;
import org.billingcenter.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates and money as CLDR writes them in the page's language: {@code ${@fmt.money(m)}}. */
@Component("fmt")
class Formats {

  public String money(Money money) {
    return money == null ? "" : MoneyView.format(money, LocaleContextHolder.getLocale());
  }

  public String date(LocalDate date) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()).format(date);
  }
}
