package org.billingcenter.admins.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.admins.AdminsReason;
import org.billingcenter.admins.InvitationService;
import org.billingcenter.shared.Rejected;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invitation's link opens (no sign-in): the organisation and the address, a password
 * typed twice; accepting makes the account, signs the person in as the sign-in form would (a new
 * session id) and lands him on the home page. A dead link gets a page that says what to do.
 */
@Controller
@RequestMapping("/invitations")
class InvitationPages {

  private final InvitationService invitations;
  private final AccountService accounts;
  private final LinkPages pages;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  InvitationPages(InvitationService invitations, AccountService accounts, LinkPages pages) {
    this.invitations = invitations;
    this.accounts = accounts;
    this.pages = pages;
  }

  @GetMapping("/{token}")
  String show(@PathVariable String token, HttpServletResponse response, Model model) {
    try {
      model.addAttribute("opened", invitations.show(token));
      model.addAttribute("token", token);
      return "admins/accept";
    } catch (Rejected e) {
      return pages.dead("invitation", response);
    }
  }

  @PostMapping("/{token}")
  String accept(@PathVariable String token, @RequestParam(required = false) String password,
      @RequestParam(required = false) String passwordAgain, HttpServletRequest request, HttpServletResponse response,
      Locale locale, Model model) {
    AdminAccount account;
    try {
      account = invitations.accept(token, password, passwordAgain);
    } catch (Rejected e) {
      if (e.reason() != AdminsReason.LINK_INVALID) {
        model.addAttribute("opened", invitations.show(token));
        model.addAttribute("token", token);
      }
      return pages.refused(e, "admins/accept", "invitation", response, locale, model);
    }
    signIn(account.username(), request, response);
    return "redirect:/";
  }

  private void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
    SignedInAccount principal = accounts.loadUserByUsername(username);
    if (request.getSession(false) != null) {
      request.changeSessionId(); // as the form sign-in does: no session fixation
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
