package org.billingcenter.audit;

import java.util.List;

/**
 * The actions the audit pages offer by name in their action filter: the ones an organisation or the
 * operator asks about most. Each has {@code audit.action.<code>} in the bundles; any other code can
 * still be typed and is shown as its code.
 */
public final class AuditActions {

  public static final List<String> NAMED = List.of("SUBSCRIPTION_STARTED", "SUBSCRIPTION_CANCELLED",
      "SUBSCRIPTION_ENDING_SCHEDULED", "SUBSCRIPTION_ENDING_UNDONE", "SUBSCRIPTION_REACTIVATED", "QUANTITY_CHANGED",
      "PLAN_CHANGED", "AUTO_RENEW_CHANGED", "TRIAL_CONVERTED_NOW", "TRIAL_EXTENDED", "LICENSES_ASSIGNED",
      "LICENSES_UNASSIGNED", "MEMBER_ADDED", "MEMBER_REMOVED", "PAYMENT_METHOD_ADDED", "CREDIT_RECORDED",
      "CALLBACK_REQUESTED", "CALLBACK_CLAIMED", "CALLBACK_COMPLETED", "ACCOUNT_CREATED", "ACCOUNT_ROLES_CHANGED",
      "API_KEY_CREATED", "API_KEY_REVOKED", "TENANT_CREATED");

  private AuditActions() {}
}
