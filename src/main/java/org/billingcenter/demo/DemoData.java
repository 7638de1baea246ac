package org.billingcenter.demo;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.billingprofile.BillingProfileChange;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.Member;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewMember;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.tenant.TenantService.NewTenant;
import org.springframework.stereotype.Component;

/** Writes the demo data set through the same services the API uses. */
@Component
class DemoData {

  static final String PASSWORD = "demo";
  static final String ACTOR = "demo-seed";

  /** Every demo account, for the start-up banner and the README. */
  static final List<String> ACCOUNTS =
      List.of(
          "alder-admin (Global admin)",
          "alder-billing (Billing admin)",
          "alder-users (User admin)",
          "alder-reader (Reader)",
          "birch-admin (Global admin)",
          "cedar-admin (Global admin)",
          "dogwood-admin (Global admin; a card that is declined)",
          "support (Support engineer)",
          "operator (Operator)");

  private final TenantService tenants;
  private final AccountService accounts;
  private final CatalogService catalog;
  private final SubscriptionService subscriptions;
  private final LicensingService licensing;
  private final org.billingcenter.billingprofile.BillingProfileService profiles; // Issue 16 (profile)

  DemoData(
      TenantService tenants,
      AccountService accounts,
      CatalogService catalog,
      SubscriptionService subscriptions,
      LicensingService licensing,
      org.billingcenter.billingprofile.BillingProfileService profiles) {
    this.tenants = tenants;
    this.accounts = accounts;
    this.catalog = catalog;
    this.subscriptions = subscriptions;
    this.licensing = licensing;
    this.profiles = profiles; // Issue 16 (profile)
  }

  boolean present() {
    return !tenants.findByName("Alder Studio").isEmpty();
  }

  void seed() {
    plans();
    alderStudio();
    birchLogistics();
    cedarTrial();
    dogwoodDeclined();
    accounts.seedOperatorAccount(operatorSide("support", "Sam Support", Role.SUPPORT_ENGINEER), PASSWORD);
    accounts.seedOperatorAccount(operatorSide("operator", "Olga Operator", Role.OPERATOR), PASSWORD);
  }

  /**
   * Each product has a monthly and an annual plan; Premium is Beacon's upgrade. Ranks order the
   * upgrade suggestions; the basic plans stop at 300 licenses, as such plans usually do.
   */
  private void plans() {
    plan("harbor-monthly", "harbor", "Harbor Chat", Money.of(420, "EUR"), BillingFrequency.MONTHLY, 300, 10);
    plan("harbor-annual", "harbor", "Harbor Chat", Money.of(4_536, "EUR"), BillingFrequency.ANNUAL, 300, 10);
    plan("fieldbook-monthly", "fieldbook", "Fieldbook Planner", Money.of(600, "EUR"), BillingFrequency.MONTHLY, null, 20);
    plan("fieldbook-annual", "fieldbook", "Fieldbook Planner", Money.of(6_480, "EUR"), BillingFrequency.ANNUAL, null, 20);
    plan("beacon-monthly", "beacon", "Beacon Workspace", Money.of(1250, "EUR"), BillingFrequency.MONTHLY, 300, 30);
    plan("beacon-annual", "beacon", "Beacon Workspace", Money.of(13_500, "EUR"), BillingFrequency.ANNUAL, 300, 30);
    plan("beacon-premium-monthly", "beacon-premium", "Beacon Workspace Premium", Money.of(2_200, "EUR"),
        BillingFrequency.MONTHLY, null, 40);
    plan("beacon-premium-annual", "beacon-premium", "Beacon Workspace Premium", Money.of(23_760, "EUR"),
        BillingFrequency.ANNUAL, null, 40);
    plan("harbor-monthly-twd", "harbor", "Harbor Chat", Money.of(13_500, "TWD"), BillingFrequency.MONTHLY, 300, 10);
    plan("beacon-monthly-twd", "beacon", "Beacon Workspace", Money.of(39_000, "TWD"), BillingFrequency.MONTHLY, 300, 30);
    plan("beacon-premium-monthly-twd", "beacon-premium", "Beacon Workspace Premium", Money.of(66_000, "TWD"),
        BillingFrequency.MONTHLY, null, 40);
  }

  private void plan(String id, String product, String name, Money price, BillingFrequency frequency,
      Integer maxQuantity, int rank) {
    catalog.addPlan(new Plan(id, product, name, price, frequency, frequency, Plan.DEFAULT_TRIAL_DAYS,
        Plan.DEFAULT_TRIAL_LICENSES, maxQuantity, rank));
  }

  private void alderStudio() {
    TenantId alder = tenant("Alder Studio", "IE", "en", "Europe/Dublin", "EUR", "alder-admin", "Aoife Alder");
    // Issue 16 (profile): a filled billing profile in each demo organisation's country, so the PDFs look real.
    profile(alder, new BillingProfileChange("Alder Studio Limited", "Unit 4, Grand Canal Quay", null, "D02 FX65",
        "Dublin", "County Dublin", "IE 9876543 WA", "PO-2026-0142", "en", true, true));
    tenantAccount(alder, "alder-billing", "Brendan Billing", Role.BILLING_ADMIN);
    tenantAccount(alder, "alder-users", "Una Users", Role.USER_ADMIN);
    tenantAccount(alder, "alder-reader", "Rory Reader", Role.READER);
    List<MemberId> people = members(alder, "alder.example", 30);
    PaymentMethodId card = card(alder, "4242");
    buy(alder, "beacon-monthly", 5, card, people.subList(0, 3));
    buy(alder, "fieldbook-monthly", 30, card, people.subList(0, 24));
    buy(alder, "harbor-monthly", 40, card, people.subList(0, 25));
  }

  private void birchLogistics() {
    TenantId birch = tenant("Birch Logistics", "BG", "bg-BG", "Europe/Sofia", "EUR", "birch-admin", "Boris Birch");
    profile(birch, new BillingProfileChange("Бреза Логистикс ЕООД", "бул. „Цариградско шосе“ 115", "ет. 3", "1784",
        "София", null, "BG204567893", null, "bg-BG", true, false)); // Issue 16 (profile)
    List<MemberId> people = members(birch, "birch.example", 250);
    buy(birch, "beacon-annual", 200, card(birch, "5100"), people.subList(0, 180));
  }

  private void cedarTrial() {
    TenantId cedar = tenant("Cedar Trial", "TW", "zh-TW", "Asia/Taipei", "TWD", "cedar-admin", "Chen Cedar");
    profile(cedar, new BillingProfileChange("杉木試用股份有限公司", "松仁路 100 號 8 樓", null, "110", "臺北市", "信義區",
        "12345675", null, "zh-TW", false, false)); // Issue 16 (profile)
    List<MemberId> people = members(cedar, "cedar.example", 6);
    Subscription plain = subscriptions.startTrial(cedar, "beacon-monthly-twd", null, ACTOR);
    PaymentMethodId card = card(cedar, "3005");
    Subscription converting = subscriptions.startTrial(cedar, "harbor-monthly-twd", card, ACTOR);
    // A second trial with the card: one to stop and one to buy now (issue 13's journeys).
    Subscription premium = subscriptions.startTrial(cedar, "beacon-premium-monthly-twd", card, ACTOR);
    licensing.assign(cedar, plain.id(), people.subList(0, 4), ACTOR);
    licensing.assign(cedar, converting.id(), people.subList(0, 2), ACTOR);
    licensing.assign(cedar, premium.id(), people.subList(0, 1), ACTOR);
  }

  /**
   * Issue 18: an organisation whose only card the sandbox provider declines (README "Payments that
   * fail"): its first invoice is declined by the first billing run, and dunning takes it from there.
   */
  private void dogwoodDeclined() {
    TenantId dogwood = tenant("Dogwood Analytics", "DK", "da-DK", "Europe/Copenhagen", "EUR", "dogwood-admin",
        "Dorte Dogwood");
    List<MemberId> people = members(dogwood, "dogwood.example", 8);
    PaymentMethodId declined = tenants.addPaymentMethod(dogwood,
        new NewPaymentMethod("tok_chargeDeclined", "Visa", "0002", 12, 2030), ACTOR).id();
    buy(dogwood, "harbor-annual", 8, declined, people.subList(0, 6)); // a plan no other demo organisation has
  }

  private TenantId tenant(
      String name, String country, String locale, String zone, String currency, String admin, String adminName) {
    Tenant tenant =
        new Tenant(
            TenantId.random(), name, country, Locale.forLanguageTag(locale), ZoneId.of(zone), Currency.getInstance(currency));
    return tenants.seed(new NewTenant(tenant, admin, adminName, PASSWORD, DemoNames.adminEmail(adminName, name)), ACTOR).id();
  }

  // Issue 16 (profile)
  private void profile(TenantId tenant, BillingProfileChange profile) {
    profiles.update(tenant, profile, ACTOR);
  }

  private void tenantAccount(TenantId tenant, String username, String name, Role role) {
    accounts.seedTenantAccount(
        new AdminAccount(username, tenant, name, Set.of(role), null, DemoNames.adminEmail(name, "Alder Studio")),
        PASSWORD, ACTOR);
  }

  private List<MemberId> members(TenantId tenant, String domain, int count) {
    List<NewMember> people =
        IntStream.rangeClosed(1, count)
            .mapToObj(i -> new NewMember(DemoNames.name(i), DemoNames.email(i, domain)))
            .toList();
    return tenants.addMembers(tenant, people, ACTOR).stream().map(Member::id).toList();
  }

  private PaymentMethodId card(TenantId tenant, String last4) {
    return tenants
        .addPaymentMethod(tenant, new NewPaymentMethod("tok_demo_" + last4, "Visa", last4, 12, 2030), ACTOR)
        .id();
  }

  private void buy(TenantId tenant, String plan, int quantity, PaymentMethodId card, List<MemberId> seats) {
    Subscription bought = subscriptions.purchase(tenant, plan, quantity, card, ACTOR);
    licensing.assign(tenant, bought.id(), seats, ACTOR);
  }

  private static AdminAccount operatorSide(String username, String name, Role role) {
    return new AdminAccount(username, null, name, Set.of(role), Locale.ENGLISH);
  }
}
