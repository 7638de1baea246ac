package org.billingcenter.testing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
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
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds fresh tenants through the real services, so a test names only what matters to it. Each
 * tenant and username is new, so tests share one database without cleaning it.
 */
public class TestTenants {

  public static final String MONTHLY_PLAN = "test-monthly-eur";
  public static final String ANNUAL_PLAN = "test-annual-eur";
  public static final String ACTOR = "test";

  private final ApplicationContext context;

  public TestTenants(ApplicationContext context) {
    this.context = context;
  }

  /** A tenant with a Global admin, {@code members} members, a card, and the test plans available. */
  public Given tenant(int members) {
    ensurePlans();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        new Tenant(
            TenantId.random(),
            "Test Org " + suffix,
            "FR",
            Locale.forLanguageTag("fr-FR"),
            ZoneId.of("Europe/Paris"),
            Currency.getInstance("EUR"));
    TenantService service = context.getBean(TenantService.class);
    String admin = "admin-" + suffix;
    String password = "pass-" + suffix + "-phrase"; // passes the password policy whatever the suffix
    service.create(new NewTenant(tenant, admin, "Admin " + suffix, password), ACTOR);
    List<NewMember> people =
        IntStream.rangeClosed(1, members)
            .mapToObj(i -> new NewMember("Person " + i, "p" + i + "@" + suffix + ".example"))
            .toList();
    List<MemberId> ids =
        members == 0
            ? List.of()
            : service.addMembers(tenant.id(), people, ACTOR).stream().map(Member::id).toList();
    PaymentMethodId card =
        service
            .addPaymentMethod(
                tenant.id(), new NewPaymentMethod("tok_" + suffix, "Visa", "4242", 12, 2035), ACTOR)
            .id();
    return new Given(tenant.id(), admin, password, ids, card);
  }

  /**
   * A new card the organisation pays with from now on (its default). The token gets a suffix of its
   * own, so a sandbox token's counters ({@code tok_insufficientFunds}) start afresh.
   */
  public PaymentMethodId defaultCard(Given org, String token) {
    TenantService service = context.getBean(TenantService.class);
    PaymentMethodId id = service.addPaymentMethod(org.id(),
        new NewPaymentMethod(token + "_" + UUID.randomUUID().toString().substring(0, 8), "Visa", "0002", 12, 2035),
        ACTOR).id();
    service.makeDefaultPaymentMethod(org.id(), id, ACTOR);
    return id;
  }

  /** What a test was given: the tenant, its admin's credentials, its members and its card. */
  public record Given(
      TenantId id, String admin, String password, List<MemberId> members, PaymentMethodId card) {}

  /** Buys {@code quantity} licenses of the monthly test plan and assigns the first {@code assigned}. */
  public Subscription subscription(Given tenant, int quantity, int assigned) {
    Subscription bought =
        context
            .getBean(SubscriptionService.class)
            .purchase(tenant.id(), MONTHLY_PLAN, quantity, tenant.card(), ACTOR);
    if (assigned > 0) {
      context
          .getBean(LicensingService.class)
          .assign(tenant.id(), bought.id(), new ArrayList<>(tenant.members().subList(0, assigned)), ACTOR);
    }
    return bought;
  }

  /**
   * A further account of the tenant with one role; its password is "password" (seeded, as fixtures
   * are: the password policy is for accounts people create).
   */
  public String account(Given tenant, Role role) {
    String username = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
    context
        .getBean(TransactionTemplate.class)
        .executeWithoutResult(
            s ->
                context
                    .getBean(AccountService.class)
                    .seedTenantAccount(
                        new AdminAccount(username, tenant.id(), username, Set.of(role), null), "password", ACTOR));
    return username;
  }

  public int assigned(Given tenant, Subscription subscription) {
    return context.getBean(LicensingService.class).assignedMembers(tenant.id(), subscription.id()).size();
  }

  private synchronized void ensurePlans() {
    CatalogService catalog = context.getBean(CatalogService.class);
    List<String> existing = catalog.plans().stream().map(Plan::id).toList();
    if (!existing.contains(MONTHLY_PLAN)) {
      catalog.addPlan(plan(MONTHLY_PLAN, Money.of(1000, "EUR"), BillingFrequency.MONTHLY));
    }
    if (!existing.contains(ANNUAL_PLAN)) {
      catalog.addPlan(plan(ANNUAL_PLAN, Money.of(10_000, "EUR"), BillingFrequency.ANNUAL));
    }
  }

  private static Plan plan(String id, Money price, BillingFrequency frequency) {
    return new Plan(id, "test-product", "Test Product", price, frequency, frequency, 30, 25);
  }
}
