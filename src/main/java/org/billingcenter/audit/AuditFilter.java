package org.billingcenter.audit;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.billingcenter.shared.QueryValues;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Which audit events to list: one organisation (by id) or organisations whose name contains a text
 * (the operator only), one actor (exact), one action code, days {@code from}–{@code to} (inclusive,
 * either open). Days are the organisation's own for its Global admin and UTC days for the operator.
 * Parsed once from query values, for the API, the pages and the CSV export alike.
 */
public record AuditFilter(@Nullable TenantId tenant, @Nullable String organisation, @Nullable String actor,
    @Nullable String action, @Nullable LocalDate from, @Nullable LocalDate to) {

  public static final int MAX_TEXT = 100;
  private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

  /** The same filter, held to one organisation: what a Global admin's search always is. */
  public AuditFilter only(TenantId own) {
    return new AuditFilter(own, null, actor, action, from, to);
  }

  /** Refuses anything unreadable with {@link AuditReason#AUDIT_FILTER_INVALID}; blanks mean "any". */
  public static AuditFilter parse(@Nullable String tenantId, @Nullable String organisation, @Nullable String actor,
      @Nullable String action, @Nullable String from, @Nullable String to) {
    LocalDate start = QueryValues.date(from, AuditReason.AUDIT_FILTER_INVALID);
    LocalDate end = QueryValues.date(to, AuditReason.AUDIT_FILTER_INVALID);
    if (start != null && end != null && start.isAfter(end)) {
      throw invalid();
    }
    String code = text(action);
    if (code != null && !ACTION.matcher(code).matches()) {
      throw invalid();
    }
    return new AuditFilter(tenant(tenantId), text(organisation), text(actor), code, start, end);
  }

  private static @Nullable TenantId tenant(@Nullable String value) {
    UUID id = QueryValues.uuid(text(value), AuditReason.AUDIT_FILTER_INVALID);
    return id == null ? null : new TenantId(id);
  }

  private static @Nullable String text(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > MAX_TEXT || trimmed.chars().anyMatch(Character::isISOControl)) {
      throw invalid();
    }
    return trimmed;
  }

  private static Rejected invalid() {
    return new Rejected(AuditReason.AUDIT_FILTER_INVALID);
  }
}
