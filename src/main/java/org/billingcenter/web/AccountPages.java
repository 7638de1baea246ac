package org.billingcenter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.billingcenter.account.AccountReason;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.Rejected;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My account: the signed-in admin's own language, saved on the account so every sign-in, on any
 * device, speaks it (before Accept-Language); the switcher's cookie still changes the current visit.
 * And the admin's own e-mail address, where his notifications go.
 */
@Controller
@RequestMapping("/account")
class AccountPages {

  /** The six languages, as tags the switcher and the locale resolver use. */
  static final List<String> LANGUAGES = List.of("en", "fr-FR", "da-DK", "bg-BG", "zh-CN", "zh-TW");

  private final AccountService accounts;
  private final LocaleResolver locales;
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  AccountPages(AccountService accounts, LocaleResolver locales) {
    this.accounts = accounts;
    this.locales = locales;
  }

  @GetMapping
  String page(@AuthenticationPrincipal SignedInAccount me, Model model) {
    model.addAttribute("account", me.account());
    model.addAttribute("languages", LANGUAGES);
    return "account/me";
  }

  /** An empty choice goes back to the browser's language. */
  @PostMapping("/language")
  String language(@AuthenticationPrincipal SignedInAccount me, @RequestParam(defaultValue = "") String language,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
    if (!language.isEmpty() && !LANGUAGES.contains(language)) {
      throw new Rejected(AccountReason.UNSUPPORTED_LANGUAGE, String.join(", ", LANGUAGES));
    }
    Locale chosen = language.isEmpty() ? null : Locale.forLanguageTag(language);
    AdminAccount changed = accounts.chooseLocale(me.account(), chosen);
    signedInAs(me.with(changed), request, response);
    locales.setLocale(request, response, chosen);
    flash.addFlashAttribute("notice", "account.notice.language-saved");
    return "redirect:/account";
  }

  /** Where this admin's notifications go; blank removes the address. Refused when not an address. */
  @PostMapping("/email")
  String email(@AuthenticationPrincipal SignedInAccount me, @RequestParam(defaultValue = "") String email,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
    AdminAccount changed = accounts.chooseEmail(me.account(), email);
    signedInAs(me.with(changed), request, response);
    flash.addFlashAttribute("notice", "account.notice.email-saved");
    return "redirect:/account";
  }

  /** The session's principal carries the account: replace it, or this session keeps the old language. */
  private void signedInAs(SignedInAccount account, HttpServletRequest request, HttpServletResponse response) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
    SecurityContextHolder.setContext(context);
    sessions.saveContext(context, request, response);
  }
}
