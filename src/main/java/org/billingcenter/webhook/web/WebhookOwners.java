package org.billingcenter.webhook.web;

import jakarta.servlet.http.HttpServletRequest;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.webhook.Owner;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whose webhooks a page shows: the signed-in account decides; an organisation's Global admin works
 * under /settings/webhooks, the operator under /operator/webhooks, and neither under the other's.
 */
final class WebhookOwners {

  static final String ORGANISATION = "/settings/webhooks";
  static final String OPERATOR = "/operator/webhooks";

  private WebhookOwners() {}

  static Owner owner(SignedInAccount me, HttpServletRequest request) {
    Owner owner = Owner.of(me).orElseThrow(() -> new AccessDeniedException("not a Global admin or the operator"));
    if (!request.getRequestURI().startsWith(base(owner))) {
      throw new AccessDeniedException("another owner's pages");
    }
    return owner;
  }

  static String base(Owner owner) {
    return owner.isOperator() ? OPERATOR : ORGANISATION;
  }
}
