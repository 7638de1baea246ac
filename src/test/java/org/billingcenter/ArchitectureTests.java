package org.billingcenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.billingcenter.billing.CreditReturn;
import org.billingcenter.billing.InvoiceCalculator;
import org.billingcenter.billing.Proration;
import org.billingcenter.subscription.ScheduledEnd;
import org.billingcenter.tenant.BillingCycle;
import org.billingcenter.account.SignInDelays;
import org.billingcenter.licensing.SeatPool;
import org.billingcenter.subscription.LifecycleEvent;
import org.billingcenter.web.PageAdvice;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

/**
 * The house rules that hold the design up: pure rules, no hidden clock, SQL only in repositories,
 * each module's pages and REST controllers in its own web/ and api/ packages.
 */
class ArchitectureTests {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.billingcenter");

  @Test
  void shared_value_types_and_named_rules_use_no_framework() {
    noClasses()
        .that()
        .resideInAPackage("org.billingcenter.shared..")
        .or()
        .haveSimpleNameEndingWith("Policy")
        .or()
        .belongToAnyOf(SeatPool.class, LifecycleEvent.class, SignInDelays.class, BillingCycle.class, ScheduledEnd.class,
            Proration.class, InvoiceCalculator.class, CreditReturn.class,
            // Issue 16 (facturx): the e-invoice line rule and VAT treatment
            org.billingcenter.document.EInvoiceLine.class, org.billingcenter.document.EInvoiceVat.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..")
        .check(CLASSES);
  }

  @Test
  void nobody_reads_the_system_clock_behind_the_injected_one() {
    noClasses()
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .check(CLASSES);
  }

  @Test
  void only_repositories_the_audit_log_and_the_outbox_talk_sql() {
    noClasses()
        .that()
        .haveSimpleNameNotEndingWith("Repository")
        .and()
        .doNotHaveSimpleName("AuditLog")
        .and()
        .doNotHaveSimpleName("Outbox")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
        .check(CLASSES);
  }

  @Test
  void repositories_stay_inside_their_module() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Repository")
        .should()
        .notBePublic()
        .check(CLASSES);
  }

  @Test
  void page_controllers_live_in_the_web_package_of_their_module() {
    classes()
        .that()
        .areAnnotatedWith(Controller.class)
        .should()
        .resideInAnyPackage("org.billingcenter.web", "org.billingcenter.*.web")
        .check(CLASSES);
  }

  @Test
  void rest_controllers_live_in_the_api_package_of_their_module() {
    classes()
        .that()
        .areAnnotatedWith(RestController.class)
        .should()
        .resideInAPackage("org.billingcenter.*.api")
        .check(CLASSES);
  }

  /** The shared page advice (rights, refusals, malformed requests) names page packages one by one. */
  @Test
  void every_page_controller_gets_the_shared_page_advice() {
    String[] covered =
        AnnotatedElementUtils.findMergedAnnotation(PageAdvice.class, ControllerAdvice.class).basePackages();
    classes().that().areAnnotatedWith(Controller.class).should().resideInAnyPackage(covered).check(CLASSES);
  }

  /** The old home of every page (web.pages) is gone: module pages use the shared helpers in web. */
  @Test
  void nothing_lives_in_or_uses_the_old_pages_package() {
    noClasses()
        .should()
        .resideInAPackage("org.billingcenter.web.pages..")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.billingcenter.web.pages..")
        .check(CLASSES);
  }
}
