package org.billingcenter.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.OutboxEvent;
import org.billingcenter.shared.TenantId;
import org.billingcenter.testing.TestTenants;
import tools.jackson.databind.json.JsonMapper;

/** One event of each mail's type about a test tenant's subscription, with data as docs/EVENTS.md gives it. */
final class MailEvents {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Map<String, Object> CREDIT = Map.of("minor", 1234, "currency", "EUR");

  /** Issue 15: the single-use token the personal mails' test events carry. */
  static final String TOKEN = "Tok3n_".repeat(7) + "x"; // 43 characters, as a real one

  // Issue 18 mails: begin
  static final String INVOICE = "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d";
  static final String INVOICE_NUMBER = "INV-2026-000042";

  /** A payment event of {@code type} with exactly {@code data}: the variants MailEvents' defaults do not show. */
  static OutboxEvent payment(EventType type, TenantId tenant, Map<String, Object> data) {
    return new OutboxEvent(tenant, UUID.randomUUID(), type, Instant.parse("2026-03-10T10:00:00Z"),
        String.valueOf(data.getOrDefault("invoiceId", INVOICE)), JSON.writeValueAsString(data));
  }
  // Issue 18 mails: end

  private MailEvents() {}

  static OutboxEvent of(MailKind kind, TenantId tenant, String subscription, List<Map<String, String>> losing) {
    String plan = TestTenants.MONTHLY_PLAN;
    Map<String, Object> data = switch (kind) {
      case TRIAL_WILL_END -> Map.of("subscriptionId", subscription, "planId", plan, "trialEnd", "2026-04-09",
          "daysBefore", 7, "converts", true, "conversionQuantity", 3);
      case TRIAL_CONVERTED -> Map.of("subscriptionId", subscription, "planId", plan, "quantity", 3,
          "currentPeriodEnd", "2026-05-09", "actor", "lifecycle-job");
      case TRIAL_EXPIRED -> Map.of("subscriptionId", subscription, "planId", plan, "trialEnd", "2026-04-09");
      case SUBSCRIPTION_CANCELLED -> Map.of("subscriptionId", subscription, "planId", plan,
          "cancelledAt", "2026-03-10T10:00:00Z", "actor", "support:eng", "onBehalf", true, "credit", CREDIT,
          "creditReturnedOn", "2026-04-01", "membersLosingAccess", losing);
      case CREDIT_RETURNED -> Map.of("creditId", UUID.randomUUID().toString(), "invoiceId",
          UUID.randomUUID().toString(), "amount", CREDIT);
      case REFUND_ISSUED -> Map.of("refundId", UUID.randomUUID().toString(), "amount", CREDIT);
      case INVOICE_ISSUED -> Map.of("invoiceId", UUID.randomUUID().toString(), "invoiceDate", "2026-04-01",
          "total", Map.of("minor", 99900, "currency", "EUR"));
      case CALLBACK_RECEIVED -> Map.of("callbackRequestId", UUID.randomUUID().toString(), "subscriptionId",
          subscription, "preferredLanguage", "fr", "actor", "admin");
      case CALLBACK_CLAIMED -> Map.of("callbackRequestId", UUID.randomUUID().toString(), "subscriptionId",
          subscription, "engineerFirstName", "Zoltan");
      case CALLBACK_COMPLETED -> Map.of("callbackRequestId", UUID.randomUUID().toString(), "subscriptionId",
          subscription);
      case SUPPORT_ASSISTED_ACTION -> Map.of("subscriptionId", subscription, "outcome", "LICENSES_REMOVED",
          "licensesRemoved", 2);
      case SUBSCRIPTION_EXPIRED -> Map.of("subscriptionId", subscription, "expiredOn", "2026-04-09",
          "disablesOn", "2026-05-09");
      case SUBSCRIPTION_DISABLED -> Map.of("subscriptionId", subscription, "disabledOn", "2026-05-09",
          "deletesOn", "2026-08-07");
      case SUBSCRIPTION_DELETED -> Map.of("subscriptionId", subscription, "deletedOn", "2026-08-07");
      case WEBHOOK_ENDPOINT_DISABLED -> Map.of("endpointId", UUID.randomUUID().toString(),
          "url", "https://hooks.example.org/billing", "failingSince", "2026-03-05T08:00:00Z");
      // Issue 18 mails: begin (a failure with its next try; a recovered payment)
      case PAYMENT_FAILED -> Map.of("invoiceId", INVOICE, "invoiceNumber", INVOICE_NUMBER, "attemptNumber", 2,
          "trigger", "RETRY", "amount", CREDIT, "reason", "insufficient_funds", "final", false,
          "nextRetryOn", "2026-04-15");
      case PAYMENT_RECEIPT -> Map.of("invoiceId", INVOICE, "attemptNumber", 3, "trigger", "PAY_NOW",
          "amount", CREDIT, "recovered", true);
      // Issue 18 mails: end
      // Issue 15 (admins)
      case INVITATION -> Map.of("invitationId", UUID.randomUUID().toString(), "email", "ada@example.org",
          "displayName", "Ada", "roles", List.of("BILLING_ADMIN"), "invitedBy", "Grace",
          "expiresAt", "2026-03-17T10:00:00Z", "token", TOKEN);
      case PASSWORD_RESET -> Map.of("resetId", UUID.randomUUID().toString(), "email", "ada@example.org",
          "username", "ada@example.org", "validMinutes", 60, "expiresAt", "2026-03-10T11:00:00Z", "token", TOKEN);
    };
    EventType type = kind.event();
    return new OutboxEvent(tenant, UUID.randomUUID(), type, Instant.parse("2026-03-10T10:00:00Z"),
        subscription, JSON.writeValueAsString(data));
  }
}
