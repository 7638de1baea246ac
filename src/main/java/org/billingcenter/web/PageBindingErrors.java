package org.billingcenter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.billingcenter.shared.MoneyOverflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * A page request the browser's own form could not have sent — an unknown enum name, a number or id
 * that does not parse, a missing field, a value the service's last check refused — is a localised
 * 400 page, not a 500. Forms a person fills in are checked before this and shown again with their
 * field errors ({@link PageForms}).
 */
@PageAdvice
class PageBindingErrors {

  private static final Logger log = LoggerFactory.getLogger(PageBindingErrors.class);

  @ExceptionHandler({
    TypeMismatchException.class,
    ServletRequestBindingException.class,
    BindException.class,
    HandlerMethodValidationException.class,
    ConstraintViolationException.class
  })
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String badRequest(Exception e, HttpServletRequest request, Model model) {
    log.debug("Malformed page request {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    return errorPage(HttpStatus.BAD_REQUEST, model);
  }

  /** An amount beyond what a long holds (see {@code Limits}): refused and rolled back, never a 500. */
  @ExceptionHandler(MoneyOverflow.class)
  @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
  String overflow(MoneyOverflow e, HttpServletRequest request, Model model) {
    log.warn("Amount overflow on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    return errorPage(HttpStatus.UNPROCESSABLE_CONTENT, model);
  }

  /** The product's own error page (templates/error), the same one the container's errors show. */
  private static String errorPage(HttpStatus status, Model model) {
    model.addAttribute("status", status.value());
    return "error/4xx";
  }
}
