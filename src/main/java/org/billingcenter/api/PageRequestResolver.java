package org.billingcenter.api;

import org.billingcenter.shared.PageRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Fills a {@link PageRequest} argument from {@code page} (or the {@link PageParam} name) and
 * {@code size}; a repeated, empty or out-of-range value is refused with {@link PageRequest.Invalid}.
 */
final class PageRequestResolver implements HandlerMethodArgumentResolver {

  static final String PAGE = "page";
  static final String SIZE = "size";

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(PageRequest.class);
  }

  @Override
  public PageRequest resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    return PageRequest.parse(single(request, pageParameter(parameter)), single(request, SIZE));
  }

  static String pageParameter(MethodParameter parameter) {
    PageParam named = parameter.getParameterAnnotation(PageParam.class);
    return named == null ? PAGE : named.value();
  }

  private static String single(NativeWebRequest request, String name) {
    String[] values = request.getParameterValues(name);
    if (values == null) {
      return null;
    }
    if (values.length != 1) {
      throw new PageRequest.Invalid();
    }
    return values[0];
  }
}
