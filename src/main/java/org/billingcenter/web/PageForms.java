package org.billingcenter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Shows a refused form again: 422, the typed values and the localised field errors as {@code ${form}}
 * (see {@code fragments/layout :: field-error}). The constraints are the command's own, the same ones
 * the API's JSON body is checked against.
 */
@Component
public class PageForms {

  private final MessageSource messages;

  PageForms(MessageSource messages) {
    this.messages = messages;
  }

  /** True (and the model and status set for showing the form again) when the form broke a constraint. */
  public boolean refused(BindingResult result, HttpServletRequest request, HttpServletResponse response, Locale locale,
      Model model) {
    return refused(result, request, response, locale, model, null, Set.of());
  }

  /**
   * As {@link #refused(BindingResult, HttpServletRequest, HttpServletResponse, Locale, Model)}, for
   * one of several forms on a screen ({@code target}) and ignoring fields that the page's address,
   * not the form, supplies.
   */
  public boolean refused(BindingResult result, HttpServletRequest request, HttpServletResponse response, Locale locale,
      Model model, Object target, Set<String> ignoredFields) {
    if (!PageForm.hasErrors(result, ignoredFields)) {
      return false;
    }
    model.addAttribute("form", PageForm.failed(result, request, messages, locale, target, ignoredFields));
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    return true;
  }
}
