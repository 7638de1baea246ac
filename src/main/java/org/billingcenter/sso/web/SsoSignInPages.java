package org.billingcenter.sso.web;

import java.util.Set;
import org.billingcenter.sso.SsoRegistrations;
import org.billingcenter.sso.SsoService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Sign in with single sign-on": the work e-mail address or the organisation's name leads to the
 * organisation's provider; anything that leads nowhere gets one and the same answer, so the form
 * tells nobody which addresses or organisations exist. And the page of a refused sign-in.
 */
@Controller
class SsoSignInPages {

  private static final Set<String> REFUSALS = Set.of("no-role", "no-email", "conflict", "failed", "unavailable");

  private final SsoService sso;
  private final SsoRegistrations registrations;

  SsoSignInPages(SsoService sso, SsoRegistrations registrations) {
    this.sso = sso;
    this.registrations = registrations;
  }

  @PostMapping("/sso/start")
  String start(@RequestParam(name = "who", required = false) String who) {
    return sso.providerFor(who)
        .map(tenant -> registrations.findByRegistrationId(tenant.value().toString()) == null
            ? "redirect:/sso/refused?why=unavailable"
            : "redirect:/oauth2/authorization/" + tenant.value())
        .orElse("redirect:/login?ssoUnknown");
  }

  @GetMapping("/sso/refused")
  String refused(@RequestParam(name = "why", required = false) String why, Model model) {
    model.addAttribute("why", why != null && REFUSALS.contains(why) ? why : "failed");
    return "sso/refused";
  }
}
