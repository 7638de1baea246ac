package org.billingcenter.notification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.billing.BillingService;
import org.billingcenter.catalog.CatalogService;
import org.billingcenter.catalog.Plan;
import org.billingcenter.outbox.OutboxEvent;
import org.billingcenter.payment.DeclineCode;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.Message;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.LifecycleSettings;
import org.billingcenter.subscription.NonPayment;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.MemberService;
import org.billingcenter.tenant.PaymentMethod;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event into what its mail says (docs/EVENTS.md gives each event's data). Names of plans,
 * members and admins are read now, from their modules, so the mail shows today's names; an event's
 * own copy of a name is the fallback for what no longer exists.
 */
@Component
class MailComposer {

  /** A cancellation lists at most this many of the users who lose access, then "and N more". */
  static final int NAMES_SHOWN = 20;

  private static final String KEY = "notification.mail.";
  private static final String BALANCE = "/billing/balance"; // Issue 18 mails: where the balance is paid

  private final JsonMapper json;
  private final TenantService tenants;
  private final CatalogService catalog;
  private final SubscriptionService subscriptions;
  private final MemberService members;
  private final AccountService accounts;
  private final BillingService billing; // Issue 18 mails
  private final LifecycleSettings lifecycle; // Issue 18 mails

  MailComposer(JsonMapper json, TenantService tenants, CatalogService catalog, SubscriptionService subscriptions,
      MemberService members, AccountService accounts, BillingService billing, LifecycleSettings lifecycle) {
    this.billing = billing; // Issue 18 mails
    this.lifecycle = lifecycle; // Issue 18 mails
    this.json = json;
    this.tenants = tenants;
    this.catalog = catalog;
    this.subscriptions = subscriptions;
    this.members = members;
    this.accounts = accounts;
  }

  MailContent compose(MailKind kind, OutboxEvent event) {
    JsonNode data = json.readTree(event.data());
    Tenant tenant = tenants.get(event.tenant());
    Facts f = new Facts(tenant.timeZone(), data);
    String k = KEY + kind.key();
    String product = product(event.tenant(), data);
    String subscriptionPage = "/billing/subscriptions/" + f.text("subscriptionId");
    List<Message> lines = new ArrayList<>();
    List<String> names = List.of();
    Message after = null;
    Message subject = Message.of(k + ".subject", product);
    String link = subscriptionPage;
    switch (kind) {
      case TRIAL_WILL_END -> {
        subject = Message.of(k + ".subject", f.number("daysBefore"), product);
        if (f.data.path("converts").asBoolean(false)) {
          long quantity = f.number("conversionQuantity");
          lines.add(Message.of(k + ".converts", f.date("trialEnd"), quantity, conversionCost(data, quantity)));
        } else {
          lines.add(Message.of(k + ".expires", f.date("trialEnd")));
        }
      }
      case TRIAL_CONVERTED -> lines.add(Message.of(k + ".text", f.number("quantity"), f.date("currentPeriodEnd")));
      case TRIAL_EXPIRED -> lines.add(Message.of(k + ".text", f.date("trialEnd")));
      case SUBSCRIPTION_CANCELLED -> {
        LocalDate on = f.instantDate("cancelledAt");
        lines.add(f.data.path("onBehalf").asBoolean(false)
            ? Message.of(k + ".on-behalf", on)
            : Message.of(k + ".by", who(event.tenant(), f.text("actor")), on));
        Money credit = f.money("credit");
        lines.add(credit != null && credit.isPositive()
            ? Message.of(k + ".credit", credit, f.date("creditReturnedOn"))
            : Message.of(k + ".no-credit"));
        List<String> losing = losingAccess(event.tenant(), f.data.path("membersLosingAccess"));
        lines.add(losing.isEmpty() ? Message.of(k + ".no-members") : Message.of(k + ".members", losing.size()));
        names = losing.subList(0, Math.min(NAMES_SHOWN, losing.size()));
        after = losing.size() > NAMES_SHOWN ? Message.of(k + ".more", losing.size() - NAMES_SHOWN) : null;
      }
      case CREDIT_RETURNED, REFUND_ISSUED -> {
        subject = Message.of(k + ".subject", f.money("amount"));
        lines.add(Message.of(k + ".text", f.money("amount")));
        link = "/billing/invoices";
      }
      case INVOICE_ISSUED -> {
        subject = Message.of(k + ".subject", f.date("invoiceDate"));
        lines.add(Message.of(k + ".text", f.date("invoiceDate"), f.money("total")));
        link = "/billing/invoices";
      }
      case CALLBACK_RECEIVED -> {
        subject = Message.of(k + ".subject");
        String language = f.text("preferredLanguage");
        lines.add(Message.of(k + ".text", product, Message.of("language." + (language == null ? "en" : language))));
      }
      case CALLBACK_CLAIMED -> {
        // The engineer's first name is left out of the event when his account has no display name.
        String engineer = f.text("engineerFirstName");
        subject = engineer == null ? Message.of("notification.kind." + kind.key()) : Message.of(k + ".subject", engineer);
        lines.add(engineer == null ? Message.of(k + ".text.unnamed", product) : Message.of(k + ".text", engineer, product));
      }
      case CALLBACK_COMPLETED -> {
        subject = Message.of(k + ".subject");
        lines.add(Message.of(k + ".text", product));
        // Issue 17 support: begin (what support did on the call, when the event says)
        String outcome = f.text("outcome");
        if (outcome != null) {
          lines.add(Message.of(k + ".outcome." + outcome, f.number("licensesRemoved")));
        }
        // Issue 17 support: end
      }
      case SUPPORT_ASSISTED_ACTION -> {
        subject = Message.of(k + ".subject", product);
        lines.add(Message.of(k + "." + f.text("outcome"), f.number("licensesRemoved"), product));
        lines.add(Message.of(k + ".unrequested"));
      }
      // Issue 18 mails: begin (an expiry for non-payment says so and how to undo it)
      case SUBSCRIPTION_EXPIRED -> {
        boolean unpaid = NonPayment.PAYMENT_FAILED.equals(f.text("reason"));
        lines.add(Message.of(k + (unpaid ? ".text.payment_failed" : ".text"), f.date("expiredOn"), f.date("disablesOn")));
        link = unpaid ? BALANCE : link;
      }
      // Issue 18 mails: end
      case SUBSCRIPTION_DISABLED -> lines.add(Message.of(k + ".text", f.date("disabledOn"), f.date("deletesOn")));
      case SUBSCRIPTION_DELETED -> {
        lines.add(Message.of(k + ".text", f.date("deletedOn")));
        link = "/billing/products";
      }
      case WEBHOOK_ENDPOINT_DISABLED -> {
        subject = Message.of(k + ".subject");
        lines.add(Message.of(k + ".text", f.text("url"), f.instantDate("failingSince")));
        link = "/settings/webhooks";
      }
      // Issue 18 mails: begin
      case PAYMENT_FAILED -> {
        subject = Message.of(k + ".subject", f.money("amount"));
        lines.addAll(PaymentLines.failed(k, f.money("amount"), invoiceNumber(event.tenant(), f),
            DeclineCode.ofWire(f.text("reason")).messageKey(), f.data.path("final").asBoolean(false),
            f.date("nextRetryOn"), lifecycle.expiredDays(), f.data.path("keptWhileCallbackOpen").asInt(0)));
        link = BALANCE;
      }
      case PAYMENT_RECEIPT -> {
        subject = Message.of(k + ".subject", f.money("amount"));
        lines.addAll(PaymentLines.receipt(k, f.money("amount"), invoiceNumber(event.tenant(), f),
            card(event.tenant(), f.text("paymentMethodId")).orElse(null)));
        link = "/billing/invoices";
      }
      // Issue 18 mails: end
      // Issue 15 (admins): the invitation and the password reset, each with its single-use link
      case INVITATION -> {
        subject = Message.of(k + ".subject", tenant.name());
        lines.add(f.text("invitedBy") == null
            ? Message.of(k + ".text.operator", tenant.name(), f.text("email"))
            : Message.of(k + ".text", f.text("invitedBy"), tenant.name(), f.text("email")));
        lines.add(Message.of(k + ".expires", f.instantDate("expiresAt")));
        link = "/invitations/" + f.text("token");
      }
      case PASSWORD_RESET -> {
        subject = Message.of(k + ".subject");
        lines.add(Message.of(k + ".text", f.text("username"), tenant.name()));
        lines.add(Message.of(k + ".expires", f.number("validMinutes")));
        link = "/password-reset/" + f.text("token");
      }
    }
    return new MailContent(kind, tenant.name(), subject, lines, names, after, link);
  }

  // Issue 18 mails: begin
  /**
   * Whether this event of the kind is mailed at all: a receipt goes only for money recovered (a
   * retry or a payment of the balance that took it), not for each first-try collection, which the
   * invoice mail already told.
   */
  boolean mails(MailKind kind, OutboxEvent event) {
    return kind != MailKind.PAYMENT_RECEIPT || json.readTree(event.data()).path("recovered").asBoolean(false);
  }

  /** The invoice's number as the event gives it, else as issued (the receipt's event has none). */
  private String invoiceNumber(TenantId tenant, Facts f) {
    String number = f.text("invoiceNumber");
    if (number != null || f.text("invoiceId") == null) {
      return number;
    }
    try {
      return billing.document(tenant, java.util.UUID.fromString(f.text("invoiceId"))).number();
    } catch (Rejected | IllegalArgumentException gone) {
      return null;
    }
  }

  /** The card as the pages show it ("Visa •••• 4242"), when the event names one that exists. */
  private Optional<String> card(TenantId tenant, String paymentMethodId) {
    if (paymentMethodId == null) {
      return Optional.empty();
    }
    try {
      PaymentMethod m = tenants.paymentMethod(tenant, PaymentMethodId.of(paymentMethodId));
      return Optional.of(m.brand() + " •••• " + m.last4());
    } catch (Rejected | IllegalArgumentException gone) {
      return Optional.empty();
    }
  }
  // Issue 18 mails: end

  /** Issue 15: the one address a personal mail goes to (see {@link MailKind#personal()}). */
  Optional<String> personalAddress(OutboxEvent event) {
    return Optional.ofNullable(json.readTree(event.data()).path("email").asString(null));
  }

  /** Issue 15: the language a personal mail is written in, when its event names one. */
  Optional<java.util.Locale> personalLocale(OutboxEvent event) {
    return Optional.ofNullable(json.readTree(event.data()).path("locale").asString(null))
        .map(java.util.Locale::forLanguageTag);
  }

  /** Issue 15: the single-use token a mail's link carries, which the kept copy must not. */
  Optional<String> secretOf(OutboxEvent event) {
    return event.type().internal()
        ? Optional.ofNullable(json.readTree(event.data()).path("token").asString(null))
        : Optional.empty();
  }

  /** The product's name: the event's plan, else the subscription's; its id when neither is known any more. */
  private String product(TenantId tenant, JsonNode data) {
    String plan = data.path("planId").asString(null);
    if (plan != null) {
      try {
        return catalog.plan(plan).productName();
      } catch (Rejected unknown) {
        // fall through to the subscription
      }
    }
    String subscription = data.path("subscriptionId").asString(null);
    if (subscription == null) {
      return "—";
    }
    try {
      return subscriptions.get(tenant, SubscriptionId.of(subscription)).productName();
    } catch (Rejected gone) {
      return subscription.substring(0, Math.min(8, subscription.length()));
    }
  }

  /** What converting the trial costs for its first period: the plan's unit price times the licenses. */
  private Money conversionCost(JsonNode data, long quantity) {
    Plan plan = catalog.plan(data.path("planId").asString());
    return plan.unitPrice().times(quantity);
  }

  /** An admin's display name for his username; a job or an unknown account as written. */
  private String who(TenantId tenant, String actor) {
    if (actor == null) {
      return "—";
    }
    return accounts.tenantAccounts(tenant).stream()
        .filter(a -> a.username().equals(actor))
        .map(AdminAccount::displayName)
        .findFirst()
        .orElse(actor);
  }

  private List<String> losingAccess(TenantId tenant, JsonNode list) {
    List<String> names = new ArrayList<>();
    for (JsonNode member : list) {
      String fallback = member.path("name").asString("—");
      names.add(names.size() >= NAMES_SHOWN ? fallback : currentName(tenant, member.path("memberId").asString(null))
          .orElse(fallback));
    }
    return names;
  }

  private Optional<String> currentName(TenantId tenant, String memberId) {
    if (memberId == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(members.member(tenant, MemberId.of(memberId)).displayName());
    } catch (Rejected | IllegalArgumentException gone) {
      return Optional.empty();
    }
  }

  /** Reads the event's fields as the catalogue writes them. */
  private record Facts(ZoneId zone, JsonNode data) {

    String text(String field) {
      return data.path(field).asString(null);
    }

    long number(String field) {
      return data.path(field).asLong(0);
    }

    LocalDate date(String field) {
      String text = text(field);
      return text == null ? null : LocalDate.parse(text);
    }

    /** An instant's date on the organisation's calendar. */
    LocalDate instantDate(String field) {
      String text = text(field);
      return text == null ? null : java.time.Instant.parse(text).atZone(zone).toLocalDate();
    }

    Money money(String field) {
      JsonNode amount = data.path(field);
      return amount.isMissingNode() || amount.isNull()
          ? null
          : Money.of(amount.path("minor").asLong(), amount.path("currency").asString());
    }
  }
}
