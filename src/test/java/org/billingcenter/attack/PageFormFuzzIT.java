package org.billingcenter.attack;

import org.billingcenter.session.SessionOwner; // Issue 15 sessions
import org.billingcenter.session.SessionService; // Issue 15 sessions
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.billingcenter.account.AccountService;
import org.billingcenter.admins.InvitationService;
import org.billingcenter.admins.NewInvitation;
import org.billingcenter.admins.PasswordResetService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.testing.Overdue; // Issue 18 balance
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.subscription.ScheduledChange;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.NewCallback;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.LongVariant;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.notification.NotificationService;
// Issue 17 catalog: begin (imports)
import org.billingcenter.catalog.Plan;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Money;
// Issue 17 catalog: end (imports)
// Issue 15: API keys (imports)
import org.billingcenter.apikey.ApiKeyOwner;
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.apikey.NewApiKey;
import org.billingcenter.webhook.NewWebhookEndpoint;
import org.billingcenter.webhook.Owner;
import org.billingcenter.webhook.WebhookFixtures;
import org.billingcenter.webhook.WebhookService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile values posted to every form the admin center renders, generated with jqwik the way
 * {@link ApiFuzzIT} attacks the API. The forms are found by rendering each page as the role that
 * sees it and reading its {@code <form>} elements (action, method, fields and their HTML rules), so
 * a new form is attacked without touching this test; a page POST handler with no form found fails it.
 * Every request breaks at least one rule the form itself declares (required, maxlength, pattern,
 * min/max, the offered options, an id in its address): none may answer 5xx or change a row.
 */
class PageFormFuzzIT extends DatabaseIT {

  static final int REQUESTS = Integer.getInteger("billing.fuzz.page-requests", LongVariant.pick(500, 10_000));

  /** Values any field may get besides a breaking one. (NUL and lone surrogates: another finding's filter.) */
  static final List<String> HOSTILE = List.of("", " ", "13", "-5", "0", "-1", "abcd", "99999999999999999999",
      "2147483648", "-2147483649", "1e400", "NaN", "1.5", "x".repeat(10_000), "not-a-uuid",
      "00000000-0000-0000-0000-000000000000", "NOT_AN_ENUM", "now", "\u00fcn\u00efc\u00f8d\u00e9 \u4e2d\u6587 \ud83d\ude00 \u202e",
      "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' or 1=1 --", "%00", "../../etc/passwd",
      "true", "on", "4242", "12", "2030", "+33123456789");

  static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Sign-in and sign-out belong to Spring Security, not to the pages' handlers. */
  static final Set<String> NOT_PAGE_FORMS = Set.of("/login", "/logout");

  @Autowired AccountService accounts;
  @Autowired InvitationService invitations; // Issue 15 (admins)
  @Autowired PasswordResetService resets; // Issue 15 (admins)
  @Autowired JdbcClient jdbc;
  @Autowired org.billingcenter.billing.BillingRunService runs; // Issue 16 (void)
  @Autowired CallbackService callbacks;
  @Autowired TransactionTemplate transaction;
  @Autowired SubscriptionService subscriptions;
  @Autowired CancellationService cancellations;
  @Autowired WebhookService webhooks;
  @Autowired ApiKeyService apiKeys; // Issue 15: API keys
  @Autowired org.billingcenter.sso.SsoService sso; // Issue 15 SSO
  @Autowired NotificationService notifications;
  @Autowired Outbox outbox;
  @Autowired SessionService sessions; // Issue 15 sessions
  @Autowired org.billingcenter.billingprofile.BillingProfileService profiles; // Issue 16 (profile)
  @Autowired org.billingcenter.catalog.CatalogService catalogPlans; // Issue 17 catalog
  @Autowired org.billingcenter.catalog.PricingService pricing; // Issue 17 catalog
  @Autowired org.billingcenter.payment.PaymentMethods paymentMethods; // Issue 18 methods
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired org.springframework.context.ApplicationContext context; // Issue 18 balance

  /** A form control as rendered, with the rules the browser would enforce on it. */
  record Field(String name, String type, String value, boolean required, int maxLength, String pattern, Long min,
      Long max, List<String> options) {}

  record Form(String page, String method, String action, List<Field> fields, SignedInAccount as) {
    @Override
    public String toString() {
      return method + " " + action + " (on " + page + ")";
    }
  }

  /** One rule of the form broken: a field's value, or (field null) an id in the address. */
  record Break(String field, String value, String action) {}

  record Attack(Form form, String action, Map<String, List<String>> params, String language, boolean htmx) {
    @Override
    public String toString() {
      Map<String, List<String>> shown = new LinkedHashMap<>();
      params.forEach((k, v) -> shown.put(k, v.stream().map(s -> s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s).toList()));
      return form.method() + " " + action + " " + shown + " lang=" + language + (htmx ? " htmx" : "");
    }
  }

  @Test
  void hostile_values_in_every_page_form_get_no_server_error_and_change_nothing() throws Exception {
    Given org = tenants.tenant(30);
    Subscription many = tenants.subscription(org, 30, 25); // too many to cancel online: the callback form
    Subscription few = tenants.subscription(org, 5, 3); // cancellable: the survey and the confirmation
    Subscription reducing = tenants.subscription(org, 6, 1); // a reduction waits for the renewal: the Withdraw form
    transaction.executeWithoutResult(st -> subscriptions.scheduleChange(
        subscriptions.lock(org.id(), reducing.id()), ScheduledChange.Kind.QUANTITY, 4, null, "t"));
    String engineer = "eng-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(engineer, null, "Eng", Set.of(Role.SUPPORT_ENGINEER), null), "eng-password"));
    // A NEW request (the claim form) on a subscription of its own: "many" keeps none open, so a
    // callback form that got past its checks would reach the database.
    Subscription other = tenants.subscription(org, 2, 0);
    callbacks.request(org.id(), new NewCallback(other.id(), "Nora", "+33123456789", "fr", "any time"), "t");
    CallbackRequest claimed =
        callbacks.request(org.id(), new NewCallback(few.id(), "Noé", "+33123456780", "fr", "mornings"), "t");
    callbacks.claim(org.id(), claimed.id(), engineer);
    SignedInAccount admin = accounts.loadUserByUsername(org.admin());
    SignedInAccount support = accounts.loadUserByUsername(engineer);
    // Issue 13: an ending one (the Undo form) and a disabled one (the reactivation flow's forms).
    Canceller canceller = new Canceller("t", Set.of(Role.GLOBAL_ADMIN), null);
    Subscription ending = tenants.subscription(org, 2, 0);
    cancellations.cancel(org.id(), ending.id(), canceller, new CancellationService.Request(CancelWhen.END_OF_TERM, LeavingReason.OTHER, null));
    Subscription disabled = tenants.subscription(org, 2, 0);
    cancellations.cancel(org.id(), disabled.id(), canceller, new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    String reactivate = "/billing/subscriptions/" + disabled.id() + "/reactivate";

    List<Form> forms = new ArrayList<>();
    for (String page : List.of("/", "/account", "/billing/products", "/billing/invoices", "/users", "/users?subscription=" + many.id(),
        "/billing/subscriptions/" + many.id(), "/billing/subscriptions/" + few.id(),
        "/billing/subscriptions/" + reducing.id(),
        "/billing/subscriptions/" + many.id() + "/cancel", "/billing/subscriptions/" + few.id() + "/cancel",
        "/billing/subscriptions/" + few.id() + "/cancel?when=END_OF_TERM",
        "/billing/subscriptions/" + few.id() + "/buy-licenses?add=2",
        "/billing/subscriptions/" + few.id() + "/remove-licenses?remove=1",
        "/billing/subscriptions/" + few.id() + "/change-plan?planId=" + TestTenants.ANNUAL_PLAN,
        "/billing/subscriptions/" + few.id() + "/change-frequency",
        "/members", "/members/new", "/members/" + org.members().get(0) + "/edit",
        "/members/" + org.members().get(0) + "/remove", "/members/import",
        "/billing/subscriptions/" + ending.id(), "/billing/subscriptions/" + ending.id() + "/cancel/done", reactivate)) {
      forms.addAll(formsOn(page, render(get(page), admin), admin));
    }
    String review = "/billing/subscriptions/" + few.id() + "/cancel/review";
    forms.addAll(formsOn(review, render(post(review).param("when", "NOW").param("reason", "OTHER").with(csrf()), admin), admin));
    String quantityReview = "/billing/subscriptions/" + few.id() + "/quantity-change/review";
    forms.addAll(formsOn(quantityReview,
        render(post(quantityReview).param("quantity", "7").param("when", "NOW").with(csrf()), admin), admin));
    String planReview = "/billing/subscriptions/" + few.id() + "/change-plan/review";
    forms.addAll(formsOn(planReview, render(post(planReview).param("planId", TestTenants.ANNUAL_PLAN).with(csrf()), admin), admin));
    String frequencyReview = "/billing/subscriptions/" + few.id() + "/change-frequency/review";
    forms.addAll(formsOn(frequencyReview, render(post(frequencyReview).with(csrf()), admin), admin));
    forms.addAll(formsOn(reactivate + "/review",
        render(post(reactivate + "/review").param("paymentMethodId", org.card().toString()).with(csrf()), admin), admin));
    forms.addAll(formsOn(reactivate + "/review", render(post(reactivate + "/review").param("token", "tok_x")
        .param("brand", "Visa").param("last4", "4242").param("expiryMonth", "12").param("expiryYear", "2035").with(csrf()), admin), admin));
    // A trial in its last days (issue 13): its panel's switch, quantity and extension forms, and Buy now.
    Subscription trial = subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, org.card(), "t");
    jdbc.sql("update subscription set trial_end = :end where tenant_id = :t and subscription_id = :s")
        .param("end", java.time.LocalDate.of(2026, 3, 20)).param("t", org.id().value()).param("s", trial.id().value()).update();
    String buyNow = "/billing/subscriptions/" + trial.id() + "/buy-now";
    forms.addAll(formsOn("/billing/subscriptions/" + trial.id(), render(get("/billing/subscriptions/" + trial.id()), admin), admin));
    forms.addAll(formsOn(buyNow, render(get(buyNow).param("quantity", "2"), admin), admin));
    forms.addAll(formsOn(buyNow + "/review", render(post(buyNow + "/review").param("quantity", "2")
        .param("paymentMethod", org.card().value().toString()).with(csrf()), admin), admin));
    for (String status : List.of("NEW", "CLAIMED")) {
      // The queue spans organisations (other tests' requests too, oldest first, paged): walk its pages
      // until this test's own organisation shows; only it is attacked (and fingerprinted).
      for (int number = 1; number <= 100; number++) {
        String page = "/support?status=" + status + "&size=200&page=" + number;
        List<Form> onPage = formsOn(page, render(get(page), support), support);
        List<Form> ours = onPage.stream().filter(f -> f.action().contains(org.id().toString())).toList();
        forms.addAll(ours);
        if (!ours.isEmpty() || onPage.stream().noneMatch(f -> f.action().startsWith("/support/"))) {
          break;
        }
      }
    }
    // Issue 17 support: begin — the claimed request's page (release, notes, retained), its license
    // removal and cancel-for-them flows with their confirmation steps, and the queue's filter form
    String request = "/support/" + org.id() + "/" + claimed.id();
    for (String page : List.of(request, request + "/licenses?quantity=4", request + "/cancel",
        request + "/cancel?when=END_OF_TERM", "/support?status=CLAIMED&query=Test")) {
      forms.addAll(formsOn(page, render(get(page), support), support).stream()
          .filter(f -> f.action().contains(org.id().toString()) || f.action().equals("/support")).toList());
    }
    String assistedReview = request + "/cancel/review";
    forms.addAll(formsOn(assistedReview, render(post(assistedReview).param("when", "END_OF_TERM").param("reason", "OTHER")
        .param("note", "fuzz").with(csrf()), support), support));
    // Issue 17 support: end

    // Issue 14: the webhook pages of the organisation and of the operator, each with a disabled
    // endpoint (the Enable form) and a delivery (its page's Replay form). The operator's endpoint,
    // disabled, receives nothing; it is deleted at the end.
    WebhookFixtures hooks = new WebhookFixtures(outbox, jdbc, clock, transaction);
    String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password-phrase"));
    SignedInAccount operatorAccount = accounts.loadUserByUsername(operator);
    UUID orgHook = webhooks.register(Owner.of(org.id()),
        new NewWebhookEndpoint("https://93.184.215.14/fuzz", List.of("subscription.cancelled"), null), "t").endpoint().id();
    UUID operatorHook = webhooks.register(Owner.OPERATOR,
        new NewWebhookEndpoint("https://93.184.215.14/fuzz-op", List.of("subscription.cancelled"), null), "t").endpoint().id();
    hooks.disable(orgHook);
    hooks.disable(operatorHook);
    UUID orgDelivery = hooks.failedDelivery(org.id(), orgHook);
    UUID operatorDelivery = hooks.failedDelivery(org.id(), operatorHook);
    for (String base : List.of("/settings/webhooks", "/operator/webhooks")) {
      SignedInAccount as = base.startsWith("/settings") ? admin : operatorAccount;
      UUID hook = base.startsWith("/settings") ? orgHook : operatorHook;
      UUID delivery = base.startsWith("/settings") ? orgDelivery : operatorDelivery;
      for (String page : List.of(base, base + "/" + hook, base + "/" + hook + "/rotate", base + "/" + hook + "/delete",
          base + "/" + hook + "/deliveries/" + delivery)) {
        forms.addAll(formsOn(page, render(get(page), as), as));
      }
    }

    // Issue 14: Billing notifications (opt-outs, add a recipient, remove one) and Sent e-mails.
    transaction.executeWithoutResult(s -> notifications.addRecipient(org.id(), "fuzz-books@example.org", "t"));
    forms.addAll(formsOn("/billing/notifications", render(get("/billing/notifications"), admin), admin));
    forms.addAll(formsOn("/operator/sent-emails", render(get("/operator/sent-emails"), operatorAccount), operatorAccount));

    // Issue 15: API keys. The create form and the revoke confirmation, of the organisation and of
    // the operator; the operator's key is revoked at the end.
    UUID orgKey = apiKeys.create(new NewApiKey(org.id(), "fuzz", Role.READER, null), "t").id();
    UUID operatorKey = apiKeys.create(new NewApiKey(null, "fuzz-op", Role.SUPPORT_ENGINEER, null), "t").id();
    for (String base : List.of("/settings/api-keys", "/operator/api-keys")) {
      SignedInAccount as = base.startsWith("/settings") ? admin : operatorAccount;
      UUID key = base.startsWith("/settings") ? orgKey : operatorKey;
      for (String page : List.of(base, base + "/" + key + "/revoke")) {
        forms.addAll(formsOn(page, render(get(page), as), as));
      }
    }
    // Issue 15 SSO: begin — the settings page with a provider (off), its removal confirmation, and
    // the sign-in page's "Sign in with single sign-on" form.
    transaction.executeWithoutResult(s -> sso.configure(org.id(), new org.billingcenter.sso.SsoProviderSettings(
        "https://93.184.215.14/fuzz-idp", "fuzz-client", "fuzz-secret",
        List.of("fuzz-" + UUID.randomUUID().toString().substring(0, 8) + ".example"),
        List.of(new org.billingcenter.sso.RoleMapping("groups", "billing", Role.BILLING_ADMIN)), Role.READER, false, false),
        "t"));
    for (String page : List.of("/settings/sso", "/settings/sso/delete", "/login")) {
      forms.addAll(formsOn(page, render(get(page), admin), admin));
    }
    // Issue 15 SSO: end
    // Issue 15 sessions (begin): a session of the admin's (its row has the sign-out form), the
    // confirmation of "sign out all others", and the organisation's sessions.
    sessions.register(SessionOwner.of(org.id()), org.admin(), "203.0.113.7",
        "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
    for (String page : List.of("/account/sessions", "/account/sessions/end-others", "/settings/sessions")) {
      forms.addAll(formsOn(page, render(get(page), admin), admin));
    }
    // Issue 15 sessions (end)
    // Issue 15 (admins): the Admins page (a second admin's roles and removal, a pending invitation's
    // resend and withdraw, the invitation form) and the public pages of links (accept, forgotten password).
    String secondAdmin = tenants.account(org, Role.BILLING_ADMIN);
    UUID invited = transaction.execute(s -> invitations.invite(org.id(), new NewInvitation(
        "fuzz-invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "Fuzz", Set.of(Role.READER),
        null), "t", null)).id();
    String invitationToken = linkToken(invited);
    for (String page : List.of("/settings/admins", "/settings/admins/" + secondAdmin + "/remove",
        "/invitations/" + invitationToken, "/password-reset")) {
      forms.addAll(formsOn(page, render(get(page), admin), admin));
    }
    String resetAddress = "fuzz-reset-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    transaction.executeWithoutResult(s -> accounts.chooseEmail(admin.account(), resetAddress));
    resets.request(resetAddress, "fuzz");
    UUID resetId = null;
    for (int i = 0; i < 100 && resetId == null; i++) {
      Thread.sleep(50);
      resetId = jdbc.sql("select token_id from access_token where tenant_id = :t and purpose = 'PASSWORD_RESET'")
          .param("t", org.id().value()).query(UUID.class).optional().orElse(null);
    }
    String resetPage = "/password-reset/" + linkToken(resetId);
    forms.addAll(formsOn(resetPage, render(get(resetPage), admin), admin));
    // Issue 16 (profile): the billing profile form, with a saved profile
    transaction.executeWithoutResult(s -> profiles.update(org.id(), new org.billingcenter.billingprofile.BillingProfileChange(
        "Fuzz Legal SARL", "1 rue du Fuzz", null, "75001", "Paris", null, "FR44732829320", null, "fr-FR", false, false),
        "t"));
    forms.addAll(formsOn("/settings/billing-profile", render(get("/settings/billing-profile"), admin), admin));

    // Issue 16 (exports): the export form on Invoices & credits and the order history's filters (GET forms)
    for (String page : List.of("/billing/invoices", "/billing/order-history")) {
      forms.addAll(formsOn(page, render(get(page), admin), admin));
    }
    // Issue 17 organisations: begin — the operator's list (its search), the open form, the suspend and resume confirmations
    for (String page : List.of("/operator/organisations", "/operator/organisations/new",
        "/operator/organisations/" + org.id() + "/suspend", "/operator/organisations/" + org.id() + "/resume")) {
      forms.addAll(formsOn(page, render(get(page), operatorAccount), operatorAccount));
    }
    // Issue 17 organisations: end
    // Issue 17 runs: begin
    // The billing runs console: the status filter, the check form and the confirmation (for today,
    // which a check never refuses); every attack breaks a rule, so none of them starts a run.
    forms.addAll(formsOn("/operator/billing-runs", render(get("/operator/billing-runs"), operatorAccount), operatorAccount));
    forms.addAll(formsOn("/operator/billing-runs/check",
        render(get("/operator/billing-runs/check?date=2026-03-10"), operatorAccount), operatorAccount));
    // Issue 17 runs: end
    // Issue 16 (void): begin — the operator's void confirmation of the organisation's issued invoice
    runs.run(java.time.LocalDate.of(2026, 3, 10));
    UUID issued = jdbc.sql("select invoice_id from invoice where tenant_id = :t and number is not null fetch first 1 rows only")
        .param("t", org.id().value()).query(UUID.class).single();
    String voidPage = "/operator/organisations/" + org.id().value() + "/invoices/" + issued + "/void";
    forms.addAll(formsOn(voidPage, render(get(voidPage), operatorAccount), operatorAccount));
    // Issue 16 (void): end
    // Issue 17 audit: begin — the audit filters of a Global admin and of the operator (GET forms)
    forms.addAll(formsOn("/settings/audit", render(get("/settings/audit"), admin), admin));
    forms.addAll(formsOn("/operator/audit", render(get("/operator/audit"), operatorAccount), operatorAccount));
    // Issue 17 audit: end
    // Issue 17 catalog: begin — the operator's catalog on a plan of its own (a price change announced
    // by a form that got past its checks must not reach the shared test plans): the list's search,
    // the price form, its preview's confirmation, and the retirement confirmations both ways.
    String fuzzPlan = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
    catalogPlans.addPlan(new Plan(fuzzPlan, "fuzz-product", "Fuzz Product", Money.of(1000, "EUR"),
        BillingFrequency.MONTHLY, BillingFrequency.MONTHLY, 30, 25));
    String catalogBase = "/operator/catalog/" + fuzzPlan;
    for (String page : List.of("/operator/catalog", catalogBase + "/price",
        catalogBase + "/price/preview?unitPriceMinor=1250&effectiveFrom=2027-01-01", catalogBase + "/retirement")) {
      forms.addAll(formsOn(page, render(get(page), operatorAccount), operatorAccount));
    }
    pricing.retire(fuzzPlan, "t");
    forms.addAll(formsOn(catalogBase + "/retirement", render(get(catalogBase + "/retirement"), operatorAccount), operatorAccount));
    // Issue 17 catalog: end
    // Issue 18 balance: begin — the balance page of an organisation behind on an invoice (a card on
    // file, a new card) and both confirmations; every attack breaks a rule, so none of them pays.
    Given debtor = tenants.tenant(0);
    Overdue.of(context, debtor, 2, java.time.LocalDate.of(2026, 3, 10));
    SignedInAccount debtorAdmin = accounts.loadUserByUsername(debtor.admin());
    forms.addAll(formsOn("/billing/balance", render(get("/billing/balance"), debtorAdmin), debtorAdmin));
    forms.addAll(formsOn("/billing/balance/review", render(post("/billing/balance/review")
        .param("paymentMethodId", debtor.card().toString()).with(csrf()), debtorAdmin), debtorAdmin));
    forms.addAll(formsOn("/billing/balance/review", render(post("/billing/balance/review").param("token", "tok_x")
        .param("brand", "Visa").param("last4", "4242").param("expiryMonth", "12").param("expiryYear", "2035").with(csrf()),
        debtorAdmin), debtorAdmin));
    String debtorBefore = TenantFingerprint.of(jdbc, debtor.id());
    // Issue 18 balance: end
    // Issue 18 methods: begin — the payment methods list (Make default), the add and edit forms, the
    // replacement's choice and confirmation, and the removal confirmation of a card nothing uses
    String spare = paymentMethods.add(org.id(), new org.billingcenter.payment.NewCard("tok_visa_spare", "Visa", "1881", 4,
        2031, null), "t").method().id().toString();
    String methodsBase = "/billing/payment-methods/";
    for (String page : List.of("/billing/payment-methods", methodsBase + "new", methodsBase + org.card() + "/edit",
        methodsBase + org.card() + "/replace?with=" + spare, methodsBase + spare + "/remove")) {
      forms.addAll(formsOn(page, render(get(page), admin), admin));
    }
    // Issue 18 methods: end
    everyPagePostHandlerHasAForm(forms);
    for (Form form : forms) {
      assertThat(breaks(form)).as("a rule to break in " + form + ": give its fields HTML constraints").isNotEmpty();
    }

    String before = TenantFingerprint.of(jdbc, org.id());
    String[] last = {before}; // each change is reported once, by the request that made it
    Map<String, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    attacks(forms).sampleStream().limit(REQUESTS).forEach(attack -> {
      try {
        MockHttpServletResponse response = mvc.perform(request(attack)).andReturn().getResponse();
        statuses.merge(String.valueOf(response.getStatus()), 1, Integer::sum);
        if (response.getStatus() >= 500) {
          failures.add(attack + " -> " + response.getStatus());
        }
      } catch (Exception e) {
        failures.add(attack + " -> " + e);
      }
      String now = TenantFingerprint.of(jdbc, org.id());
      if (!now.equals(last[0])) {
        failures.add(attack + " changed " + last[0] + " to " + now);
        last[0] = now;
      }
    });

    webhooks.delete(Owner.OPERATOR, operatorHook, "t");
    apiKeys.revoke(ApiKeyOwner.OPERATOR, operatorKey, "t"); // Issue 15: API keys
    System.out.println("Page form fuzz over " + forms.size() + " forms, " + REQUESTS + " requests: " + statuses);
    assertThat(failures).as("server errors or changes").isEmpty();
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
    assertThat(TenantFingerprint.of(jdbc, debtor.id())).as("the debtor's balance forms paid nothing").isEqualTo(debtorBefore); // Issue 18 balance
    assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString()).contains("UP");
  }

  private String render(MockHttpServletRequestBuilder request, SignedInAccount as) throws Exception {
    MockHttpServletResponse response = mvc.perform(request.with(user(as))).andReturn().getResponse();
    assertThat(response.getStatus()).as("rendering a page to read its forms").isEqualTo(200);
    return response.getContentAsString();
  }

  static List<Form> formsOn(String page, String html, SignedInAccount as) {
    List<Form> found = new ArrayList<>();
    for (Element form : Jsoup.parse(html).select("form")) {
      String action = form.attr("action").isEmpty() ? page.replaceFirst("\\?.*", "") : form.attr("action");
      // The language switcher of a page rendered by a POST re-submits that POST's own fields (hidden):
      // the form it repeats is fuzzed itself.
      if (NOT_PAGE_FORMS.contains(action) || form.hasClass("switch")) {
        continue;
      }
      Map<String, Field> fields = new LinkedHashMap<>();
      for (Element control : form.select("input[name], textarea[name], select[name]")) {
        String type = control.tagName().equals("input") ? control.attr("type").toLowerCase() : control.tagName();
        if (List.of("submit", "button", "reset", "image").contains(type) || control.attr("name").equals("_csrf")) {
          continue;
        }
        fields.merge(control.attr("name"), field(control, type), PageFormFuzzIT::sameGroup);
      }
      found.add(new Form(page, form.attr("method").isEmpty() ? "get" : form.attr("method").toLowerCase(), action,
          List.copyOf(fields.values()), as));
    }
    return found;
  }

  private static Field field(Element control, String type) {
    List<String> options = switch (type) {
      case "select" -> control.select("option").eachAttr("value");
      case "radio", "checkbox" -> List.of(control.attr("value"));
      default -> List.of();
    };
    String value = switch (type) {
      case "select" -> control.select("option[selected]").isEmpty() ? options.get(0) : control.select("option[selected]").attr("value");
      case "textarea" -> control.text();
      default -> control.attr("value");
    };
    return new Field(control.attr("name"), type, value, control.hasAttr("required"),
        control.hasAttr("maxlength") ? Integer.parseInt(control.attr("maxlength")) : -1,
        control.hasAttr("pattern") ? control.attr("pattern") : null,
        number(control.attr("min")), number(control.attr("max")), options);
  }

  /** Radio buttons and checkboxes of one name are one field with several options. */
  private static Field sameGroup(Field a, Field b) {
    List<String> options = new ArrayList<>(a.options());
    options.addAll(b.options());
    return new Field(a.name(), a.type(), a.value(), a.required() || b.required(), a.maxLength(), a.pattern(), a.min(),
        a.max(), options);
  }

  private static Long number(String text) {
    return text.isEmpty() ? null : Long.valueOf(text);
  }

  /** Every value the form's own rules refuse, field by field, and every id in its address replaced. */
  static List<Break> breaks(Form form) {
    List<Break> breaks = new ArrayList<>();
    for (Field f : form.fields()) {
      if (f.required()) {
        breaks.add(new Break(f.name(), "", null));
      }
      if (f.maxLength() >= 0) {
        breaks.add(new Break(f.name(), "x".repeat(f.maxLength() + 1), null));
        breaks.add(new Break(f.name(), "\u00e9".repeat(10_000), null));
      }
      if (f.pattern() != null) {
        for (String candidate : List.of("abcd", "12345", "1", "<b>", "\u0661\u0662\u0663\u0664")) {
          if (!matches(f.pattern(), candidate)) {
            breaks.add(new Break(f.name(), candidate, null));
          }
        }
      }
      if (f.type().equals("number")) {
        breaks.addAll(List.of(new Break(f.name(), "abcd", null), new Break(f.name(), "1.5", null),
            new Break(f.name(), "99999999999999999999", null)));
        if (f.min() != null) {
          breaks.add(new Break(f.name(), String.valueOf(f.min() - 1), null));
          if (f.min() > -5) {
            breaks.add(new Break(f.name(), "-5", null));
          }
        }
        if (f.max() != null) {
          breaks.add(new Break(f.name(), String.valueOf(f.max() + 1), null));
          if (f.max() < 13) {
            breaks.add(new Break(f.name(), "13", null));
          }
        }
      }
      if (!f.options().isEmpty() || f.type().equals("hidden") && typed(f.value())) {
        // Offered choices (and hidden ids, enum names, booleans): anything else was never offered.
        for (String candidate : List.of("NOT_AN_ENUM", "not-a-uuid", "abcd", "\u00c9T\u00c9", "x".repeat(300))) {
          if (!f.options().contains(candidate)) {
            breaks.add(new Break(f.name(), candidate, null));
          }
        }
      }
    }
    var ids = UUID_TEXT.matcher(form.action());
    while (ids.find()) {
      for (String replacement : List.of("not-a-uuid", UUID.randomUUID().toString(), "-1", "%E2%80%AE", "x".repeat(300))) {
        breaks.add(new Break(null, null, form.action().substring(0, ids.start()) + replacement + form.action().substring(ids.end())));
      }
    }
    return breaks;
  }

  /** A hidden value that is an id, an enum name or a boolean: other text there is malformed. */
  private static boolean typed(String value) {
    return UUID_TEXT.matcher(value).matches() || value.matches("[A-Z][A-Z_]+") || value.equals("true") || value.equals("false");
  }

  private static boolean matches(String pattern, String value) {
    try {
      return Pattern.compile("^(?:" + pattern + ")$", Pattern.UNICODE_CHARACTER_CLASS).matcher(value).matches();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  Arbitrary<Attack> attacks(List<Form> forms) {
    return Arbitraries.of(forms).flatMap(form -> {
      List<Arbitrary<List<String>>> values = form.fields().stream().map(PageFormFuzzIT::values).toList();
      return Combinators.combine(
              Arbitraries.of(breaks(form)),
              values.isEmpty() ? Arbitraries.just(List.<List<String>>of()) : Combinators.combine(values).as(l -> l),
              Arbitraries.of("en", "fr-FR", "da-DK", "bg-BG", "zh-CN", "zh-TW", "xx", "*"),
              Arbitraries.of(false, false, true))
          .as((broken, chosen, language, htmx) -> {
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (int i = 0; i < form.fields().size(); i++) {
              params.put(form.fields().get(i).name(), chosen.get(i));
            }
            if (broken.field() != null) {
              params.put(broken.field(), List.of(broken.value()));
            }
            return new Attack(form, broken.action() == null ? form.action() : broken.action(), params, language, htmx);
          });
    });
  }

  /**
   * Mostly a value the form's rules accept, so that the one broken rule is what the server must
   * catch; else what the page rendered, a hostile value, nothing, or (several options) a few of them.
   */
  private static Arbitrary<List<String>> values(Field f) {
    Arbitrary<List<String>> valid = Arbitraries.just(List.of(plausible(f)));
    Arbitrary<List<String>> kept = Arbitraries.just(List.of(f.value()));
    Arbitrary<List<String>> hostile = Arbitraries.of(HOSTILE).map(List::of);
    Arbitrary<List<String>> none = Arbitraries.just(List.of());
    Arbitrary<List<String>> several = f.options().size() > 1
        ? Arbitraries.of(f.options()).list().ofMinSize(1).ofMaxSize(5) : valid;
    return Arbitraries.frequencyOf(Tuple.of(12, valid), Tuple.of(2, kept), Tuple.of(3, hostile), Tuple.of(1, none),
        Tuple.of(2, several));
  }

  /** A value the field's own HTML rules accept. */
  static String plausible(Field f) {
    if (!f.options().isEmpty() || f.type().equals("hidden")) {
      return f.value();
    }
    if (f.type().equals("number")) {
      return String.valueOf(f.max() != null ? f.max() : f.min() != null ? f.min() : 1);
    }
    if (f.type().equals("tel")) {
      return "+33 1 23 45 67 89";
    }
    if (f.type().equals("email")) {
      return "someone@example.com";
    }
    if (f.pattern() != null) {
      return List.of("4242", "1234", "abcd", "Test").stream().filter(v -> matches(f.pattern(), v)).findFirst().orElse(f.value());
    }
    return "Test value";
  }

  private MockHttpServletRequestBuilder request(Attack attack) {
    MockHttpServletRequestBuilder request = attack.form().method().equals("post")
        ? post(java.net.URI.create("http://localhost" + attack.action())).with(csrf())
        : get(java.net.URI.create("http://localhost" + attack.action()));
    attack.params().forEach((name, values) -> {
      if (!values.isEmpty()) { // "nothing" is a field left out: HTTP has no parameter without a value
        request.param(name, values.toArray(String[]::new));
      }
    });
    request.header("Accept-Language", attack.language()).with(user(attack.form().as()));
    if (attack.htmx()) {
      request.header("HX-Request", "true");
    }
    return request;
  }

  /** Issue 15 (admins): a link's token, read from its mail's outbox event (the only place it is kept). */
  private String linkToken(UUID linkId) {
    String data = jdbc.sql("select data from outbox_event where subject_id = :id")
        .param("id", String.valueOf(linkId)).query(String.class).single();
    return com.jayway.jsonpath.JsonPath.read(data, "$.token");
  }

  /** A POST handler of the pages that no rendered form reaches would escape this test: name its page above. */
  private void everyPagePostHandlerHasAForm(List<Form> forms) {
    AntPathMatcher paths = new AntPathMatcher();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      String pkg = handler.getBeanType().getPackageName(); // org.billingcenter.web and every <module>.web
      if (!(pkg.equals("org.billingcenter.web") || pkg.endsWith(".web"))
          || !info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
        return;
      }
      for (String pattern : info.getPatternValues()) {
        assertThat(forms).as("a rendered form posting to " + pattern)
            .anyMatch(f -> f.method().equals("post") && paths.match(pattern, f.action()));
      }
    });
  }
}
