package org.billingcenter.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Language: a chosen one (cookie, set by {@code ?lang=}) wins, then Accept-Language, then English. */
@Configuration
class WebConfig implements WebMvcConfigurer {

  /** The six languages the product speaks. */
  static final List<Locale> SUPPORTED =
      List.of(
          Locale.ENGLISH,
          Locale.forLanguageTag("fr-FR"),
          Locale.forLanguageTag("da-DK"),
          Locale.forLanguageTag("bg-BG"),
          Locale.forLanguageTag("zh-CN"),
          Locale.forLanguageTag("zh-TW"));

  private final CurrentTenantResolver currentTenant;

  WebConfig(CurrentTenantResolver currentTenant) {
    this.currentTenant = currentTenant;
  }

  @Bean
  LocaleResolver localeResolver() {
    return new SupportedLocaleResolver(SUPPORTED);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(currentTenant);
  }

  /**
   * The switcher's choice (a cookie) first; on pages, then the signed-in account's own language;
   * then the best Accept-Language match among the supported six (the API answers in the caller's
   * Accept-Language).
   */
  static final class SupportedLocaleResolver extends CookieLocaleResolver {

    SupportedLocaleResolver(List<Locale> supported) {
      super("billing-center-lang");
      setDefaultLocaleFunction(
          request -> {
            Locale own = request.getRequestURI().startsWith("/api/") ? null : accountLocale();
            if (own != null) {
              Locale match = match(own, supported);
              if (match != null) {
                return match;
              }
            }
            var ranges = java.util.Collections.list(request.getLocales());
            for (Locale wanted : ranges) {
              Locale match = match(wanted, supported);
              if (match != null) {
                return match;
              }
            }
            return Locale.ENGLISH;
          });
    }

    /**
     * {@code ?lang=} (and the switcher) may choose one of the six only: anything else ("de", "xx")
     * is ignored and the page stays in its language; "fr" means fr-FR, "zh-HK" zh-TW.
     */
    @Override
    public void setLocaleContext(
        jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        org.springframework.context.i18n.LocaleContext context) {
      Locale wanted = context == null ? null : context.getLocale();
      if (wanted == null) {
        super.setLocaleContext(request, response, null);
        return;
      }
      Locale supported = match(wanted, SUPPORTED);
      if (supported != null) {
        super.setLocaleContext(request, response, new org.springframework.context.i18n.SimpleLocaleContext(supported));
      }
    }

    /** A cookie naming another language (set by hand, or by an older version) counts as none. */
    @Override
    protected Locale parseLocaleValue(String value) {
      Locale parsed = super.parseLocaleValue(value);
      return parsed == null ? null : match(parsed, SUPPORTED);
    }

    private static Locale accountLocale() {
      var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
      return auth != null && auth.getPrincipal() instanceof org.billingcenter.account.SignedInAccount account
          ? account.account().locale()
          : null;
    }

    /** Exact tag first; then same language (zh needs its script/region, so zh-HK → zh-TW). */
    static Locale match(Locale wanted, List<Locale> supported) {
      for (Locale s : supported) {
        if (s.toLanguageTag().equalsIgnoreCase(wanted.toLanguageTag())) {
          return s;
        }
      }
      if (wanted.getLanguage().equals("zh")) {
        boolean traditional =
            "Hant".equals(wanted.getScript())
                || List.of("TW", "HK", "MO").contains(wanted.getCountry());
        return Locale.forLanguageTag(traditional ? "zh-TW" : "zh-CN");
      }
      for (Locale s : supported) {
        if (s.getLanguage().equals(wanted.getLanguage())) {
          return s;
        }
      }
      return null;
    }
  }
}
