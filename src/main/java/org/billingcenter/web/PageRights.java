package org.billingcenter.web;

import java.util.Arrays;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the signed-in account may do, worked out once per page as {@code ${can}} for the templates to
 * show or hide actions. A {@code sec:authorize} per row evaluated an expression each time (about a
 * tenth of a page's CPU). The controllers' own checks stay the authority.
 */
@PageAdvice
class PageRights {

  /** Flags by the roles the matching controllers require. */
  record Can(boolean billing, boolean licenses, boolean tenantPages, boolean support, boolean webhooks, boolean operator,
      boolean admins) {}

  @ModelAttribute("can")
  Can can(@AuthenticationPrincipal SignedInAccount me) {
    return new Can(
        any(me, Role.GLOBAL_ADMIN, Role.BILLING_ADMIN),
        any(me, Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN),
        any(me, Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER),
        any(me, Role.SUPPORT_ENGINEER),
        any(me, Role.GLOBAL_ADMIN),
        any(me, Role.OPERATOR),
        any(me, Role.GLOBAL_ADMIN));
  }

  private static boolean any(SignedInAccount me, Role... roles) {
    return me != null && Arrays.stream(roles).anyMatch(me.account()::has);
  }
}
