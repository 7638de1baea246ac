package org.billingcenter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A page form that broke its constraints, for the same screen to show again: what the user typed
 * (so nothing is lost) and one localised message per field. {@code target} tells a screen with
 * several such forms (the support console) which one it was.
 */
record PageForm(String target, Map<String, String> values, Map<String, String> errors) {

  static PageForm failed(BindingResult result, HttpServletRequest request, MessageSource messages, Locale locale,
      Object target, Set<String> ignoredFields) {
    Map<String, String> values = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, typed) -> values.put(name, typed.length == 0 ? "" : typed[0]));
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : result.getFieldErrors()) {
      String field = error.getField().replaceFirst("\\[.*$", ""); // memberIds[3] is shown at memberIds
      if (!ignoredFields.contains(field)) {
        errors.putIfAbsent(field, messages.getMessage(error, locale));
      }
    }
    return new PageForm(target == null ? null : target.toString(), values, errors);
  }

  /** True when a field error other than the ignored ones is left: the form must be shown again. */
  static boolean hasErrors(BindingResult result, Set<String> ignoredFields) {
    return result.getFieldErrors().stream().anyMatch(e -> !ignoredFields.contains(e.getField().replaceFirst("\\[.*$", "")))
        || result.hasGlobalErrors();
  }

  public String value(String field) {
    return values.get(field);
  }

  public String error(String field) {
    return errors.get(field);
  }

  public boolean isFor(Object candidate) {
    return Objects.equals(target, candidate == null ? null : candidate.toString());
  }
}
