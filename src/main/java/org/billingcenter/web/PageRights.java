package org.billingcenter.web;

import java.util.Set;
import org.billingcenter.account.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the signed-in account may do, worked out once per page as {@code ${can}} for the templates to
 * show or hide actions. A {@code sec:authorize} per row evaluated an expression each time (about a
 * tenth of a page's CPU). The controllers' own checks stay the authority.
 */
@ControllerAdvice(basePackageClasses = PageRights.class)
class PageRights {

  /** Flags by the roles the matching controllers require. */
  record Can(boolean billing, boolean licenses, boolean tenantPages, boolean support) {}

  @ModelAttribute("can")
  Can can(Authentication authentication) {
    if (authentication == null) {
      return new Can(false, false, false, false);
    }
    Set<String> held = new java.util.HashSet<>();
    authentication.getAuthorities().forEach(a -> held.add(a.getAuthority()));
    return new Can(
        any(held, Role.GLOBAL_ADMIN, Role.BILLING_ADMIN),
        any(held, Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN),
        any(held, Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.READER),
        any(held, Role.SUPPORT_ENGINEER));
  }

  private static boolean any(Set<String> held, Role... roles) {
    for (Role role : roles) {
      if (held.contains("ROLE_" + role.name())) {
        return true;
      }
    }
    return false;
  }
}
