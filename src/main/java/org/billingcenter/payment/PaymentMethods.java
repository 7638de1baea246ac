package org.billingcenter.payment;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.NonPayment;
import org.billingcenter.tenant.PaymentMethod;
import org.billingcenter.tenant.TenantReason;
import org.billingcenter.tenant.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Issue 18: the organisation's payment methods as its admins manage them: listed with the number of
 * subscriptions each pays for, added, their expiry and holder name updated, made the default,
 * replaced for all subscriptions at once, and removed once nothing uses them. It lives here, not in
 * the tenant module, because "in use" and "replace" are about subscriptions, which depend on tenant.
 */
@Service
@Validated
public class PaymentMethods {

  /** A card's expiry may be at most this many years after the tenant's today. */
  public static final int MAX_YEARS_AHEAD = 20;

  private final TenantService tenants;
  private final MethodUseRepository uses;
  private final NonPayment nonPayment;
  private final PaymentProvider provider;
  private final AuditLog audit;

  PaymentMethods(TenantService tenants, MethodUseRepository uses, NonPayment nonPayment, PaymentProvider provider,
      AuditLog audit) {
    this.tenants = tenants;
    this.uses = uses;
    this.nonPayment = nonPayment;
    this.provider = provider;
    this.audit = audit;
  }

  /** One method as the list shows it. */
  public record Entry(PaymentMethod method, boolean isDefault, long subscriptions) {}

  /** What replacing {@code from} with {@code to} does: how many subscriptions move, and whether the default does. */
  public record Replacement(PaymentMethod from, PaymentMethod to, long subscriptions, boolean defaultMoves) {}

  /** The organisation's usable methods, the default first. */
  @Transactional(readOnly = true)
  public Page<Entry> list(TenantId tenant, PageRequest page) {
    Page<PaymentMethod> methods = tenants.paymentMethodsDefaultFirst(tenant, page);
    Optional<PaymentMethodId> chosen = tenants.defaultPaymentMethod(tenant);
    Map<PaymentMethodId, Long> counts = uses.subscriptionsUsing(tenant,
        methods.items().stream().map(PaymentMethod::id).toList());
    return methods.map(m -> new Entry(m, chosen.filter(m.id()::equals).isPresent(), counts.getOrDefault(m.id(), 0L)));
  }

  /** Every usable method (for choosing a replacement): an organisation has a handful. */
  @Transactional(readOnly = true)
  public List<PaymentMethod> all(TenantId tenant) {
    return tenants.paymentMethodsDefaultFirst(tenant, new PageRequest(1, PageRequest.MAX_SIZE)).items();
  }

  @Transactional(readOnly = true)
  public Entry get(TenantId tenant, PaymentMethodId id) {
    PaymentMethod method = tenants.usablePaymentMethod(tenant, id);
    return new Entry(method, isDefault(tenant, id), uses.subscriptionsUsing(tenant, id));
  }

  /** Whether the sandbox provider charges: its test tokens are then worth showing. */
  public boolean sandbox() {
    return provider instanceof SandboxProvider;
  }

  /** Adds a method; the first becomes the default, a later one leaves the default where it is. */
  @Transactional
  public Entry add(TenantId tenant, @Valid NewCard card, String actor) {
    notTooFar(tenant, card.expiryYear());
    Optional<PaymentMethodId> before = tenants.defaultPaymentMethod(tenant);
    PaymentMethod added = tenants.addPaymentMethod(tenant, card.reference(), card.holderName(), actor);
    tenants.keepDefaultPaymentMethod(tenant, before.orElse(added.id()), actor);
    return get(tenant, added.id());
  }

  /** A new expiry (this month or later, at most {@value #MAX_YEARS_AHEAD} years ahead) and holder name. */
  @Transactional
  public Entry update(TenantId tenant, PaymentMethodId id, @Valid CardChange change, String actor) {
    PaymentMethod current = tenants.usablePaymentMethod(tenant, id);
    if (YearMonth.of(change.expiryYear(), change.expiryMonth()).isBefore(YearMonth.from(tenants.today(tenant)))) {
      throw new Rejected(TenantReason.PAYMENT_METHOD_EXPIRED);
    }
    notTooFar(tenant, change.expiryYear());
    tenants.updatePaymentMethod(tenant, id, change.expiryMonth(), change.expiryYear(),
        change.holderNameAfter(current.holderName()), actor);
    return get(tenant, id);
  }

  @Transactional
  public Entry makeDefault(TenantId tenant, PaymentMethodId id, String actor) {
    tenants.lockPaymentMethod(tenant, id);
    tenants.makeDefaultPaymentMethod(tenant, id, actor);
    return get(tenant, id);
  }

  /** What {@link #replace} would do, changing nothing. */
  @Transactional(readOnly = true)
  public Replacement previewReplacement(TenantId tenant, PaymentMethodId from, @Nullable PaymentMethodId to) {
    PaymentMethod old = tenants.usablePaymentMethod(tenant, from);
    if (to == null || from.equals(to)) {
      throw new Rejected(PaymentMethodReason.PAYMENT_METHOD_REPLACEMENT_INVALID);
    }
    PaymentMethod replacement = tenants.usablePaymentMethod(tenant, to);
    return new Replacement(old, replacement, uses.subscriptionsUsing(tenant, from), isDefault(tenant, from));
  }

  /**
   * Every subscription (not DELETED) paying with {@code from} pays with {@code to} from now on, and
   * {@code to} becomes the default if {@code from} was. Both rows are locked (in id order, so two
   * opposite replacements wait for each other instead of deadlocking); {@code from} stays usable.
   */
  @Transactional
  public Replacement replace(TenantId tenant, PaymentMethodId from, PaymentMethodId to, String actor) {
    previewReplacement(tenant, from, to);
    for (PaymentMethodId id : from.value().compareTo(to.value()) < 0 ? List.of(from, to) : List.of(to, from)) {
      tenants.lockPaymentMethod(tenant, id);
    }
    Replacement done = previewReplacement(tenant, from, to);
    int moved = nonPayment.movePaymentMethod(tenant, Set.of(from), to, actor, "PAYMENT_METHOD_REPLACED " + from);
    if (done.defaultMoves()) {
      tenants.makeDefaultPaymentMethod(tenant, to, actor);
    }
    audit.record(tenant, actor, Change.of("PAYMENT_METHOD_REPLACED", "payment_method", from).from(from).to(to)
        .because(moved + " subscriptions" + (done.defaultMoves() ? ", default" : "")));
    return new Replacement(done.from(), done.to(), moved, done.defaultMoves());
  }

  /**
   * Removes a method nothing uses: refused (PAYMENT_METHOD_IN_USE, with the count) while a
   * subscription pays with it, or while it is the default and other methods exist. The row stays
   * (payments and refunds name it), marked removed.
   */
  @Transactional
  public void remove(TenantId tenant, PaymentMethodId id, String actor) {
    tenants.lockPaymentMethod(tenant, id);
    long using = uses.subscriptionsUsing(tenant, id);
    boolean defaultWithOthers = isDefault(tenant, id) && all(tenant).size() > 1;
    if (using > 0 || defaultWithOthers) {
      throw inUse(using, defaultWithOthers);
    }
    tenants.removePaymentMethod(tenant, id, actor);
  }

  /**
   * The refusal of a removal: its message speaks of the subscriptions when there are any, else of
   * the default (argument 1: "subscriptions" or "default"); the API gets both facts as members.
   */
  public static Rejected inUse(long subscriptions, boolean defaultWithOthers) {
    return new Rejected(PaymentMethodReason.PAYMENT_METHOD_IN_USE, subscriptions,
        subscriptions > 0 ? "subscriptions" : "default")
        .with("subscriptions", subscriptions).with("isDefault", defaultWithOthers);
  }

  private boolean isDefault(TenantId tenant, PaymentMethodId id) {
    return tenants.defaultPaymentMethod(tenant).filter(id::equals).isPresent();
  }

  private void notTooFar(TenantId tenant, int expiryYear) {
    LocalDate today = tenants.today(tenant);
    if (expiryYear > today.getYear() + MAX_YEARS_AHEAD) {
      throw new Rejected(PaymentMethodReason.PAYMENT_METHOD_EXPIRY_TOO_FAR, String.valueOf(today.getYear() + MAX_YEARS_AHEAD));
    }
  }
}
