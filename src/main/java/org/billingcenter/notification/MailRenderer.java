package org.billingcenter.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.api.MoneyView;
import org.billingcenter.shared.Message;
import org.billingcenter.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Puts a mail's content into one language: the application's message bundles (ICU, the pages' own)
 * and CLDR formats of the language paired with the organisation's country, as the pages write
 * them; the HTML and plain-text parts from templates/mail/. A template engine of its own, so mails
 * render outside any request and the text template is read in TEXT mode.
 */
@Component
class MailRenderer {

  private static final Map<String, String> LINK_LABELS = Map.of(
      "/billing/subscriptions/", "notification.mail.link.subscription",
      "/billing/invoices", "notification.mail.link.invoices",
      "/billing/products", "notification.mail.link.products",
      "/billing/balance", "notification.mail.link.balance", // Issue 18 mails
      "/settings/webhooks", "notification.mail.link.webhooks",
      "/invitations/", "notification.mail.link.invitation",
      "/password-reset/", "notification.mail.link.password-reset");

  private final MessageSource messages;
  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final String publicUrl;

  MailRenderer(MessageSource messages, @Value("${billing-center.public-url:http://localhost:8080}") String publicUrl) {
    this.messages = messages;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    engine.setTemplateEngineMessageSource(messages);
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  RenderedMail render(MailContent content, Locale locale, String country) {
    Locale formats = LocalFormats.formatLocale(locale, country);
    String subject = text(content.subject(), locale, formats);
    Context context = new Context(locale);
    context.setVariable("lang", locale.toLanguageTag());
    context.setVariable("subject", subject);
    context.setVariable("organisation", content.organisation());
    context.setVariable("lines", content.lines().stream().map(m -> text(m, locale, formats)).toList());
    context.setVariable("names", content.names());
    context.setVariable("afterNames", content.afterNames() == null ? null : text(content.afterNames(), locale, formats));
    context.setVariable("link", publicUrl + content.linkPath());
    context.setVariable("linkLabel", linkLabel(content.linkPath()));
    context.setVariable("optional", content.kind().optional());
    context.setVariable("footerKey", content.kind().personal() ? "notification.mail.footer.personal" : "notification.mail.footer");
    context.setVariable("settingsLink", publicUrl + "/billing/notifications");
    return new RenderedMail(content.kind(), locale, subject, engine.process("notification.txt", context),
        engine.process("notification.html", context));
  }

  private String text(Message message, Locale locale, Locale formats) {
    Object[] args = message.arguments().stream().map(a -> argument(a, locale, formats)).toArray();
    return messages.getMessage(message.key(), args, locale);
  }

  /** Money and dates formatted here (the bundles see strings); counts stay numbers for plural rules. */
  private Object argument(Object value, Locale locale, Locale formats) {
    if (value == null) {
      return "—";
    }
    if (value instanceof Money money) {
      return MoneyView.format(money, formats);
    }
    if (value instanceof LocalDate date) {
      return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(formats).format(date);
    }
    if (value instanceof Message nested) {
      return text(nested, locale, formats);
    }
    return value;
  }

  private static String linkLabel(String path) {
    return LINK_LABELS.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse("notification.mail.link.subscription");
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setOrder(order);
    resolver.setCacheable(true);
    return resolver;
  }
}
