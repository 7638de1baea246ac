package org.billingcenter.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Only the links to static files ({@code /assets/…}, {@code /webjars/…}) go through the response's
 * URL encoding, where the resource chain writes their versions; a link to a page is written as it
 * is. Every {@code @{…}} of a page went through that chain's path matching before: about 5 % of the
 * products page's CPU for its twenty-odd links. (Session ids never go into URLs: Spring Security's
 * {@code DisableEncodeUrlFilter} drops them anyway.)
 */
@Configuration(proxyBeanMethods = false)
class AssetLinks {

  static final class Builder extends StandardLinkBuilder {
    @Override
    protected String processLink(IExpressionContext context, String link) {
      return isAsset(link) ? super.processLink(context, link) : link;
    }
  }

  static boolean isAsset(String link) {
    return link.contains("/assets/") || link.contains("/webjars/");
  }

  @Bean
  static BeanPostProcessor assetLinksOnly() {
    return onEach(SpringTemplateEngine.class, engine -> engine.setLinkBuilder(new Builder()));
  }

  /**
   * Changes every bean of {@code type} before it is initialised: how the Thymeleaf beans Spring Boot
   * makes get the project's settings (this link builder, {@link TurnTakingView}'s view class).
   */
  static <T> BeanPostProcessor onEach(Class<T> type, java.util.function.Consumer<T> change) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (type.isInstance(bean)) {
          change.accept(type.cast(bean));
        }
        return bean;
      }
    };
  }
}
