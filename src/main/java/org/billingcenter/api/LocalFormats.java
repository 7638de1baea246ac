package org.billingcenter.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.Money;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Dates and money as the reader's language writes them in the organisation's country: an English
 * page of an Irish organisation reads en-IE ("10 Mar 2026", "US$5.00"), where CLDR knows that
 * pairing; otherwise the language's own formats. Chinese keeps its page locale (the script matters).
 */
@Component
public class LocalFormats {

  private static final Set<Locale> KNOWN =
      Arrays.stream(java.text.DateFormat.getAvailableLocales()).collect(Collectors.toUnmodifiableSet());
  private static final String COUNTRY_ATTRIBUTE = LocalFormats.class.getName() + ".country";

  private final TenantCountry tenants;

  LocalFormats(TenantCountry tenants) {
    this.tenants = tenants;
  }

  /** {@code language} with the signed-in organisation's country, when CLDR has that locale. */
  public Locale formatLocale(Locale language) {
    String country = tenantCountry();
    return combine(language, country);
  }

  /**
   * {@code language} with a given organisation's country, for what is written outside a request
   * (e-mails): the same pairing as the pages make.
   */
  public static Locale formatLocale(Locale language, String country) {
    return combine(language, country);
  }

  static Locale combine(Locale language, String country) {
    if (country == null || language.getLanguage().equals("zh") || country.equalsIgnoreCase(language.getCountry())) {
      return language;
    }
    try {
      Locale paired = new Locale.Builder().setLanguage(language.getLanguage()).setRegion(country).build();
      return KNOWN.contains(paired) ? paired : language;
    } catch (java.util.IllformedLocaleException notACountry) {
      return language;
    }
  }

  public String date(LocalDate date, Locale language) {
    return date == null ? "" : format(date, FormatStyle.MEDIUM, formatLocale(language));
  }

  /** A date inside a sentence: spelt out. */
  public String longDate(LocalDate date, Locale language) {
    return date == null ? "—" : format(date, FormatStyle.LONG, formatLocale(language));
  }

  /** A moment on the organisation's clock (the caller has put it in the tenant's zone). */
  public String dateTime(LocalDateTime moment, Locale language) {
    return moment == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(formatLocale(language))
            .format(moment);
  }

  public String money(Money money, Locale language) {
    return money == null ? "" : MoneyView.format(money, formatLocale(language));
  }

  private static String format(LocalDate date, FormatStyle style, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(style).withLocale(locale).format(date);
  }

  /** The organisation's country, read once per request; none for support and operator accounts. */
  private String tenantCountry() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof SignedInAccount me) || me.tenant().isEmpty()) {
      return null;
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return tenants.countryOf(me.tenant().get());
    }
    Object cached = request.getAttribute(COUNTRY_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (cached == null) {
      cached = tenants.countryOf(me.tenant().get());
      request.setAttribute(COUNTRY_ATTRIBUTE, cached, RequestAttributes.SCOPE_REQUEST);
    }
    return (String) cached;
  }
}
