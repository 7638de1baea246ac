package org.billingcenter.tenant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.billingcenter.account.AccountService;
import org.billingcenter.admins.Invitation;
import org.billingcenter.admins.InvitationService;
import org.billingcenter.admins.NewInvitation;
import org.billingcenter.admins.OrganisationNames;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.apikey.ApiKeyOwner;
import org.billingcenter.apikey.ApiKeyRequest;
import org.billingcenter.apikey.ApiKeyService;
import org.billingcenter.apikey.CreatedApiKey;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.api.TenantCountry;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.annotation.Validated;

/** Organisations, their members and payment method references. Every call is tenant-scoped. */
@Service
@Validated
public class TenantService implements TenantCountry {

  /** 12–19 digits is what a card number looks like; such a "token" is refused, never stored. */
  private static final java.util.regex.Pattern CARD_NUMBER = java.util.regex.Pattern.compile("[0-9 -]{12,23}");

  private final TenantRepository tenants;
  private final MemberRepository members;
  private final PaymentMethodRepository paymentMethods;
  private final AccountService accounts;
  private final ApiKeyService apiKeys; // Issue 15 (benchmark)
  private final AuditLog audit;
  private final Clock clock;
  private final InvitationService invitations; // Issue 15 (admins)
  private final Map<TenantId, String> countries = new ConcurrentHashMap<>();
  private final Map<TenantId, ZoneId> zones = new ConcurrentHashMap<>();
  private final Map<TenantId, Currency> currencies = new ConcurrentHashMap<>();

  TenantService(
      TenantRepository tenants,
      MemberRepository members,
      PaymentMethodRepository paymentMethods,
      AccountService accounts,
      ApiKeyService apiKeys,
      AuditLog audit,
      Clock clock,
      InvitationService invitations) {
    this.invitations = invitations;
    this.tenants = tenants;
    this.members = members;
    this.paymentMethods = paymentMethods;
    this.accounts = accounts;
    this.apiKeys = apiKeys;
    this.audit = audit;
    this.clock = clock;
  }

  /** What an operator gives to open an organisation with its first Global admin (his address optional). */
  public record NewTenant(
      Tenant tenant, String adminUsername, String adminDisplayName, String adminPassword, String adminEmail) {

    public NewTenant(Tenant tenant, String adminUsername, String adminDisplayName, String adminPassword) {
      this(tenant, adminUsername, adminDisplayName, adminPassword, null);
    }
  }

  /** The first admin's password must pass the account module's password policy. */
  @Transactional
  public Tenant create(NewTenant command, String actor) {
    return create(command, actor, false);
  }

  // --- Issue 15: an organisation opened with an invited first Global admin and/or its first API key ---

  /**
   * The organisation opened; the invitation its first Global admin was sent (null: he got a
   * password); its first API key when one was asked for (the secret shown this once).
   */
  public record Opened(Tenant tenant, @org.jspecify.annotations.Nullable Invitation invitation,
      @org.jspecify.annotations.Nullable CreatedApiKey apiKey) {}

  /**
   * Opens an organisation in one transaction, so a provisioning script gets all of it or nothing:
   * with {@code adminPassword} as {@link #create}; without it the first Global admin (name and
   * e-mail address) is invited and sets his own password from the mail's link. With {@code apiKey},
   * the organisation's first API key too.
   */
  @Transactional
  public Opened open(NewTenant command, @org.jspecify.annotations.Nullable ApiKeyRequest apiKey, String actor) {
    Tenant tenant;
    Invitation invitation = null;
    if (command.adminPassword() != null) {
      if (command.adminUsername() == null || command.adminUsername().isBlank()) {
        throw new Rejected(TenantReason.FIRST_ADMIN_INCOMPLETE);
      }
      tenant = create(command, actor, false);
    } else {
      if (command.adminEmail() == null || command.adminEmail().isBlank()) {
        throw new Rejected(TenantReason.FIRST_ADMIN_INCOMPLETE);
      }
      tenant = command.tenant();
      insert(tenant, actor);
      invitation = invitations.invite(tenant.id(),
          new NewInvitation(command.adminEmail(), command.adminDisplayName(), Set.of(Role.GLOBAL_ADMIN), null), actor,
          null);
    }
    CreatedApiKey key = apiKey == null ? null : apiKeys.create(apiKey.toCommand(ApiKeyOwner.of(tenant.id())), actor);
    return new Opened(tenant, invitation, key);
  }

  /** Issue 15: the organisation's name on the pages single-use links open (admins may not call this module). */
  @org.springframework.stereotype.Component
  static class Names implements OrganisationNames {
    private final TenantRepository tenants;

    Names(TenantRepository tenants) {
      this.tenants = tenants;
    }

    @Override
    public String nameOf(TenantId tenant) {
      return tenants.find(tenant).map(Tenant::name).orElse("—");
    }
  }
  // --- end Issue 15 ---

  /** Demo data and test fixtures only: {@link #create} without the password policy. */
  @Transactional
  public Tenant seed(NewTenant command, String actor) {
    return create(command, actor, true);
  }

  /** The organisation's row and its audit record, however its first admin arrives. */
  private void insert(Tenant tenant, String actor) {
    tenants.insert(tenant, clock.instant());
    audit.record(tenant.id(), actor, Change.of("TENANT_CREATED", "tenant", tenant.id()).to(tenant.name()));
  }

  private Tenant create(NewTenant command, String actor, boolean seeded) {
    Tenant tenant = command.tenant();
    insert(tenant, actor);
    AdminAccount admin =
        new AdminAccount(
            command.adminUsername(),
            tenant.id(),
            command.adminDisplayName(),
            Set.of(Role.GLOBAL_ADMIN),
            tenant.locale(),
            command.adminEmail());
    if (seeded) {
      accounts.seedTenantAccount(admin, command.adminPassword(), actor);
    } else {
      accounts.createTenantAccount(admin, command.adminPassword(), actor);
    }
    knownOnceCommitted(tenant);
    return tenant;
  }

  /**
   * The node that opens an organisation knows its fixed facts (country, zone, currency: nothing
   * updates them) once it exists: a provisioning script's next calls, which land here as often as
   * not, then read none of them again (each was a query of its own).
   */
  private void knownOnceCommitted(Tenant tenant) {
    Runnable remember = () -> {
      countries.putIfAbsent(tenant.id(), tenant.country());
      zones.putIfAbsent(tenant.id(), tenant.timeZone());
      currencies.putIfAbsent(tenant.id(), tenant.currency());
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          remember.run();
        }
      });
    } else {
      remember.run();
    }
  }

  /** The currency the organisation is billed in: read once per organisation and node (never updated). */
  public Currency currencyOf(TenantId tenant) {
    Currency currency = currencies.get(tenant);
    if (currency == null) {
      currency = get(tenant).currency();
      currencies.put(tenant, currency);
    }
    return currency;
  }

  /**
   * Read once per organisation and node: a country is written with the organisation and nothing
   * changes it (no statement updates {@code tenant.country}). Every page that shows a date or an
   * amount asked for it, a transaction of its own per request.
   */
  @Override
  public String countryOf(TenantId tenant) {
    String country = countries.get(tenant);
    if (country == null) {
      country = get(tenant).country();
      countries.put(tenant, country);
    }
    return country;
  }

  public Tenant get(TenantId tenant) {
    return tenants.find(tenant).orElseThrow(() -> new Rejected(TenantReason.TENANT_NOT_FOUND));
  }

  @Transactional(readOnly = true)
  public List<Tenant> findByName(String name) {
    return tenants.findByName(name);
  }

  /** Today's date on the tenant's own calendar: what billing periods and proration count in. */
  @Transactional(readOnly = true)
  public LocalDate today(TenantId tenant) {
    return LocalDate.now(clock.withZone(zoneOf(tenant)));
  }

  /**
   * Read once per organisation and node, like the country: nothing updates {@code tenant.time_zone}.
   * The help panel's next billing date asked for it on every products page.
   */
  private ZoneId zoneOf(TenantId tenant) {
    ZoneId zone = zones.get(tenant);
    if (zone == null) {
      zone = get(tenant).timeZone();
      zones.put(tenant, zone);
    }
    return zone;
  }

  /**
   * The organisation's billing day (day of month), empty before its first paid period. The billing
   * run fills it for trials the nightly lifecycle converted; see {@link BillingCycle}.
   */
  @Transactional(readOnly = true)
  public Optional<Integer> billingDay(TenantId tenant) {
    return tenants.billingDay(tenant).orElseThrow(() -> new Rejected(TenantReason.TENANT_NOT_FOUND));
  }

  /** The organisation's next billing date after today (its own calendar): where credits return. */
  @Transactional(readOnly = true)
  public Optional<LocalDate> nextBillingDate(TenantId tenant) {
    LocalDate today = today(tenant);
    return billingDay(tenant).map(day -> BillingCycle.nextBillingDate(day, today));
  }

  /**
   * A paid period started on {@code periodStart}: if it is the organisation's first, its day of
   * month becomes the billing day. Later ones change nothing.
   */
  @Transactional
  public void paidPeriodStarted(TenantId tenant, LocalDate periodStart, String actor) {
    int day = BillingCycle.billingDayOf(periodStart);
    if (tenants.setBillingDayIfUnset(tenant, day)) {
      audit.record(tenant, actor, Change.of("BILLING_DAY_SET", "tenant", tenant).to("day " + day));
    }
  }

  public record NewMember(String displayName, String email) {}

  /** Adds members all-or-nothing: one taken or repeated e-mail refuses the whole list. */
  @Transactional
  public List<Member> addMembers(TenantId tenant, Collection<NewMember> newMembers, String actor) {
    get(tenant);
    Set<String> seen = new HashSet<>();
    List<Member> added = new ArrayList<>(newMembers.size());
    for (NewMember newMember : newMembers) {
      String email = newMember.email().trim().toLowerCase(java.util.Locale.ROOT);
      if (!seen.add(email) || members.emailTaken(tenant, email)) {
        throw new Rejected(TenantReason.MEMBER_EMAIL_TAKEN, email);
      }
      Member member =
          new Member(tenant, MemberId.random(), newMember.displayName().trim(), email, clock.instant());
      members.insert(member);
      added.add(member);
    }
    audit.record(
        tenant, actor, Change.of("MEMBERS_ADDED", "tenant", tenant).to(added.size() + " members"));
    return added;
  }

  @Transactional(readOnly = true)
  public Page<Member> members(TenantId tenant, PageRequest page) {
    return new Page<>(members.list(tenant, page), page, members.count(tenant));
  }

  @Transactional(readOnly = true)
  public Member member(TenantId tenant, MemberId member) {
    return members
        .find(tenant, member)
        .orElseThrow(() -> new Rejected(TenantReason.MEMBER_NOT_FOUND, member));
  }

  /** The tenant's members among {@code ids}, by name; ids of other tenants are not found. */
  @Transactional(readOnly = true)
  public List<Member> members(TenantId tenant, Collection<MemberId> ids) {
    return members.findAll(tenant, ids);
  }

  /**
   * Whether all these members are the tenant's, their rows locked for the caller's transaction: a
   * seat change takes its members' locks before its subscription's, the order a member's removal
   * takes (see {@link MemberService#remove}).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean lockMembers(TenantId tenant, Collection<MemberId> ids) {
    return members.lockAll(tenant, ids) == Set.copyOf(ids).size();
  }

  /**
   * A payment method reference as the API's JSON body and the details page's form send it: the one
   * set of constraints both are checked against (and this service again, whoever calls it).
   */
  public record NewPaymentMethod(
      @NotBlank @Size(max = 200) String token,
      @NotBlank @Size(max = 40) String brand,
      @NotBlank @Pattern(regexp = "[0-9]{4}") String last4,
      @Min(1) @Max(12) int expiryMonth,
      @Min(MIN_EXPIRY_YEAR) @Max(MAX_EXPIRY_YEAR) int expiryYear) {}

  public static final int MIN_EXPIRY_YEAR = 2000;
  public static final int MAX_EXPIRY_YEAR = 2100;

  @Transactional
  public PaymentMethod addPaymentMethod(TenantId tenant, @Valid NewPaymentMethod command, String actor) {
    return addPaymentMethod(tenant, command, null, actor);
  }

  /**
   * Issue 18 methods: with the name on the card (null: none given; the caller checked it). The
   * payment module's checks come first: see {@code payment.PaymentMethods}.
   */
  @Transactional
  public PaymentMethod addPaymentMethod(TenantId tenant, @Valid NewPaymentMethod command,
      @org.jspecify.annotations.Nullable String holderName, String actor) {
    if (CARD_NUMBER.matcher(command.token()).matches()) {
      throw new Rejected(TenantReason.PAYMENT_TOKEN_LOOKS_LIKE_CARD_NUMBER);
    }
    YearMonth expiry = YearMonth.of(command.expiryYear(), command.expiryMonth());
    if (expiry.isBefore(YearMonth.from(today(tenant)))) {
      throw new Rejected(TenantReason.PAYMENT_METHOD_EXPIRED);
    }
    PaymentMethod method =
        new PaymentMethod(
            tenant,
            PaymentMethodId.random(),
            command.token(),
            command.brand(),
            command.last4(),
            command.expiryMonth(),
            command.expiryYear(),
            holderName);
    paymentMethods.insert(method, clock.instant());
    audit.record(
        tenant,
        actor,
        Change.of("PAYMENT_METHOD_ADDED", "payment_method", method.id())
            .to(method.brand() + " •••• " + method.last4()));
    return method;
  }

  @Transactional(readOnly = true)
  public PaymentMethod paymentMethod(TenantId tenant, PaymentMethodId id) {
    return paymentMethods
        .find(tenant, id)
        .orElseThrow(() -> new Rejected(TenantReason.PAYMENT_METHOD_NOT_FOUND));
  }

  /** Issue 18: one of the organisation's methods it can still pay with (not removed), or PAYMENT_METHOD_NOT_FOUND. */
  @Transactional(readOnly = true)
  public PaymentMethod usablePaymentMethod(TenantId tenant, PaymentMethodId id) {
    return paymentMethods.findUsable(tenant, id)
        .orElseThrow(() -> new Rejected(TenantReason.PAYMENT_METHOD_NOT_FOUND));
  }

  /** Issue 18: the method the organisation pays with: its chosen default, else its newest. */
  @Transactional(readOnly = true)
  public Optional<PaymentMethodId> defaultPaymentMethod(TenantId tenant) {
    return paymentMethods.defaultFor(tenant);
  }

  /** Issue 18: {@code id} becomes the organisation's default payment method (audited). */
  @Transactional
  public void makeDefaultPaymentMethod(TenantId tenant, PaymentMethodId id, String actor) {
    paymentMethod(tenant, id);
    Optional<PaymentMethodId> before = paymentMethods.defaultFor(tenant);
    paymentMethods.makeDefault(tenant, id);
    audit.record(tenant, actor, Change.of("PAYMENT_METHOD_DEFAULT", "payment_method", id)
        .from(before.map(Object::toString).orElse("none")).to(id));
  }

  // Issue 18 methods: begin
  /** The usable methods, the default first: the payment methods page and API. */
  @Transactional(readOnly = true)
  public Page<PaymentMethod> paymentMethodsDefaultFirst(TenantId tenant, PageRequest page) {
    PaymentMethodId chosen = paymentMethods.defaultFor(tenant).orElse(null);
    return new Page<>(paymentMethods.listDefaultFirst(tenant, chosen, page), page, paymentMethods.count(tenant));
  }

  /**
   * Makes {@code effective} (the method it pays with now) the organisation's chosen default unless
   * it chose one: adding a method then does not move the default by being the newest (the fallback
   * when none was chosen), and the first method added becomes it.
   */
  @Transactional
  public void keepDefaultPaymentMethod(TenantId tenant, PaymentMethodId effective, String actor) {
    if (paymentMethods.chosenDefault(tenant).flatMap(id -> paymentMethods.findUsable(tenant, id)).isPresent()) {
      return;
    }
    paymentMethods.makeDefault(tenant, effective);
    audit.record(tenant, actor, Change.of("PAYMENT_METHOD_DEFAULT", "payment_method", effective)
        .from("none").to(effective));
  }

  /** A usable method's row locked for the caller's transaction, or PAYMENT_METHOD_NOT_FOUND. */
  @Transactional(propagation = Propagation.MANDATORY)
  public PaymentMethod lockPaymentMethod(TenantId tenant, PaymentMethodId id) {
    return paymentMethods.lockUsable(tenant, id)
        .orElseThrow(() -> new Rejected(TenantReason.PAYMENT_METHOD_NOT_FOUND));
  }

  /** New expiry and holder name of a usable method (the payment module checked them); audited. */
  @Transactional
  public PaymentMethod updatePaymentMethod(TenantId tenant, PaymentMethodId id, int expiryMonth, int expiryYear,
      @org.jspecify.annotations.Nullable String holderName, String actor) {
    PaymentMethod before = lockPaymentMethod(tenant, id);
    paymentMethods.updateDetails(tenant, id, expiryMonth, expiryYear, holderName);
    PaymentMethod after = usablePaymentMethod(tenant, id);
    audit.record(tenant, actor, Change.of("PAYMENT_METHOD_UPDATED", "payment_method", id)
        .from(details(before)).to(details(after)));
    return after;
  }

  /** Soft removal of a usable method (the payment module checked nothing uses it); audited. */
  @Transactional
  public void removePaymentMethod(TenantId tenant, PaymentMethodId id, String actor) {
    PaymentMethod removed = lockPaymentMethod(tenant, id);
    paymentMethods.remove(tenant, id, clock.instant());
    audit.record(tenant, actor, Change.of("PAYMENT_METHOD_REMOVED", "payment_method", id)
        .from(removed.brand() + " •••• " + removed.last4()));
  }

  private static String details(PaymentMethod m) {
    return "%02d/%d %s".formatted(m.expiryMonth(), m.expiryYear(), m.holderName() == null ? "" : m.holderName()).strip();
  }
  // Issue 18 methods: end

  @Transactional(readOnly = true)
  public Page<PaymentMethod> paymentMethods(TenantId tenant, PageRequest page) {
    return new Page<>(paymentMethods.list(tenant, page), page, paymentMethods.count(tenant));
  }
}
