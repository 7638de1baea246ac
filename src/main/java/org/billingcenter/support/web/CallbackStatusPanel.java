package org.billingcenter.support.web;

import java.util.Map;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.tenant.TenantService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The subscription's callback request as {@code ${callbackStatus}} for the details page and the
 * cancel step ({@code templates/support/callback-status.html}). Named by package: the subscription
 * and cancellation modules keep their page controllers package-private, and support must not
 * depend on cancellation (which depends on support). Lazy: read only when a page shows the panel.
 */
@ControllerAdvice(basePackages = {"org.billingcenter.subscription.web", "org.billingcenter.cancellation.web"})
class CallbackStatusPanel {

  private final CallbackService callbacks;
  private final TenantService tenants;

  CallbackStatusPanel(CallbackService callbacks, TenantService tenants) {
    this.callbacks = callbacks;
    this.tenants = tenants;
  }

  /** All path variables as text: a page of these packages without a subscription id gets no panel. */
  @ModelAttribute("callbackStatus")
  LazyContextVariable<CallbackPanel> callbackStatus(
      @PathVariable Map<String, String> path, @AuthenticationPrincipal SignedInAccount me) {
    return new LazyContextVariable<>() {
      @Override
      protected CallbackPanel loadValue() {
        if (me == null || me.tenant().isEmpty() || path.get("id") == null) {
          return null;
        }
        TenantId tenant = me.tenant().get();
        return callbacks.latest(tenant, new SubscriptionId(UUID.fromString(path.get("id"))))
            .map(r -> panel(tenant, r, me))
            .orElse(null);
      }
    };
  }

  private CallbackPanel panel(TenantId tenant, CallbackRequest r, SignedInAccount me) {
    boolean globalAdmin = me.account().has(Role.GLOBAL_ADMIN);
    boolean mayWithdraw = globalAdmin || me.account().has(Role.BILLING_ADMIN) && me.getUsername().equals(r.requestedBy());
    return new CallbackPanel(r, r.createdAt().atZone(tenants.get(tenant).timeZone()).toLocalDateTime(),
        r.status().isOpen() && mayWithdraw);
  }
}
