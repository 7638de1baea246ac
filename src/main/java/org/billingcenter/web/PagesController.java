package org.billingcenter.web;

import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.PageLinks;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.tenant.TenantService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and the signed-in home page (proof of life until the admin center lands). */
@Controller
class PagesController {

  private final SubscriptionService subscriptions;
  private final TenantService tenants;

  PagesController(SubscriptionService subscriptions, TenantService tenants) {
    this.subscriptions = subscriptions;
    this.tenants = tenants;
  }

  @GetMapping("/login")
  String login(@RequestParam(name = "throttled", required = false) String throttled, Model model) {
    model.addAttribute("throttledMinutes", waitMinutes(throttled));
    return "web/login";
  }

  /** The wait the sign-in failure handler put in the address; anything else shows no number. */
  private static Integer waitMinutes(String throttled) {
    if (throttled == null || !throttled.matches("[0-9]{1,2}")) {
      return null;
    }
    int minutes = Integer.parseInt(throttled);
    return minutes >= 1 && minutes <= 15 ? minutes : null;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal SignedInAccount me, PageRequest page, Model model) {
    model.addAttribute("account", me.account());
    me.tenant()
        .ifPresent(
            tenant -> {
              Page<SubscriptionSummary> rows = subscriptions.list(tenant, page);
              model.addAttribute("tenant", tenants.get(tenant));
              model.addAttribute("subscriptions", rows.items());
              model.addAttribute("pager", PageLinks.of(rows, "page"));
            });
    return "web/home";
  }
}
