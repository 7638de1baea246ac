package org.billingcenter.web;

import java.time.Duration;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one {@code messageSource} of the application, ICU-formatted (see {@link IcuMessageSource}),
 * configured by the standard {@code spring.messages.*} properties. Thymeleaf, problem details and
 * Bean Validation all read it, so one message syntax holds everywhere.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfig {

  @Bean
  @ConfigurationProperties("spring.messages")
  MessageSourceProperties messageSourceProperties() {
    return new MessageSourceProperties();
  }

  @Bean
  MessageSource messageSource(MessageSourceProperties properties) {
    IcuMessageSource messages = new IcuMessageSource();
    messages.setBasenames(
        properties.getBasename().stream().map(StringUtils::trimAllWhitespace).toArray(String[]::new));
    if (properties.getEncoding() != null) {
      messages.setDefaultEncoding(properties.getEncoding().name());
    }
    messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
    Duration cache = properties.getCacheDuration();
    if (cache != null) {
      messages.setCacheMillis(cache.toMillis());
    }
    messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
    return messages;
  }
}
