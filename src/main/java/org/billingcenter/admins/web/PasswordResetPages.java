package org.billingcenter.admins.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.billingcenter.admins.AdminsReason;
import org.billingcenter.admins.PasswordResetService;
import org.billingcenter.shared.Rejected;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Forgotten passwords (no sign-in). Asking for a link always gets the same page, whether an
 * account uses the address or not; the link's page sets a new password and sends the person to
 * sign in.
 */
@Controller
@RequestMapping("/password-reset")
class PasswordResetPages {

  private final PasswordResetService resets;
  private final LinkPages pages;

  PasswordResetPages(PasswordResetService resets, LinkPages pages) {
    this.resets = resets;
    this.pages = pages;
  }

  /** {@code sent}: after a request (post, redirect, get: switching the language does not ask again). */
  @GetMapping
  String ask(HttpServletRequest request) {
    return request.getParameterMap().containsKey("sent") ? "admins/reset-sent" : "admins/reset-ask";
  }

  @PostMapping
  String request(@RequestParam(required = false) String email, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    if (email == null || email.isBlank() || email.length() > 254) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("emailError", true);
      return "admins/reset-ask";
    }
    resets.request(email, LinkPages.client(request));
    return "redirect:/password-reset?sent";
  }

  @GetMapping("/{token}")
  String show(@PathVariable String token, HttpServletResponse response, Model model) {
    try {
      model.addAttribute("opened", resets.show(token));
      model.addAttribute("token", token);
      return "admins/reset";
    } catch (Rejected e) {
      return pages.dead("reset", response);
    }
  }

  @PostMapping("/{token}")
  String reset(@PathVariable String token, @RequestParam(required = false) String password,
      @RequestParam(required = false) String passwordAgain, HttpServletResponse response, Locale locale, Model model,
      RedirectAttributes flash) {
    try {
      resets.reset(token, password, passwordAgain);
    } catch (Rejected e) {
      if (e.reason() != AdminsReason.LINK_INVALID) {
        model.addAttribute("opened", resets.show(token));
        model.addAttribute("token", token);
      }
      return pages.refused(e, "admins/reset", "reset", response, locale, model);
    }
    return "redirect:/login?passwordReset";
  }
}
