package org.billingcenter.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
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
    LocalDate start = date(from);
    LocalDate end = date(to);
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
    String id = text(value);
    if (id == null) {
      return null;
    }
    if (id.length() != 36) {
      throw invalid();
    }
    try {
      return new TenantId(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
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

  private static @Nullable LocalDate date(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() != 10) {
      throw invalid();
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid();
    }
  }

  private static Rejected invalid() {
    return new Rejected(AuditReason.AUDIT_FILTER_INVALID);
  }
}
