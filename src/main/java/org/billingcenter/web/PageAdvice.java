package org.billingcenter.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Advice for every page of the admin center (rights, refusals, malformed requests), wherever a
 * module keeps its page controllers. Named by package, not by class, so web needs no dependency on
 * the modules above it; REST controllers ({@code <module>.api}) stay out of reach. {@code
 * ArchitectureTests} fails when a page controller lives in a package this list does not cover.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ControllerAdvice(
    basePackages = {
      "org.billingcenter.web",
      "org.billingcenter.tenant.web",
      "org.billingcenter.catalog.web",
      "org.billingcenter.subscription.web",
      "org.billingcenter.licensing.web",
      "org.billingcenter.billing.web",
      "org.billingcenter.notification.web",
      "org.billingcenter.cancellation.web",
      "org.billingcenter.support.web",
      "org.billingcenter.webhook.web",
      "org.billingcenter.planchange.web",
      // Issue 15: API keys
      "org.billingcenter.apikey.web",
      // Issue 15 SSO
      "org.billingcenter.sso.web",
      "org.billingcenter.session.web", // Issue 15 sessions
      "org.billingcenter.admins.web", // Issue 15 (admins)
      "org.billingcenter.billingprofile.web", // Issue 16 (profile)
      "org.billingcenter.document.web", // Issue 16 (pdf)
      "org.billingcenter.orderhistory.web", // Issue 16 (exports): order history
      // Issue 17 organisations: begin
      "org.billingcenter.organisation.web",
      // Issue 17 organisations: end
      // Issue 17 runs: begin
      "org.billingcenter.health.web",
      // Issue 17 runs: end
      // Issue 17 audit: begin
      "org.billingcenter.insights.web",
      // Issue 17 audit: end
      // Issue 18 methods: begin
      "org.billingcenter.payment.web"
      // Issue 18 methods: end
    })
public @interface PageAdvice {}
