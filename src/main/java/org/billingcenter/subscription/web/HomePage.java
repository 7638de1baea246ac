package org.billingcenter.subscription.web;

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

/** The signed-in home page: the organisation's subscriptions (an operator-side account has none). */
@Controller
class HomePage {

  private final SubscriptionService subscriptions;
  private final TenantService tenants;

  HomePage(SubscriptionService subscriptions, TenantService tenants) {
    this.subscriptions = subscriptions;
    this.tenants = tenants;
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
