package org.billingcenter.insights.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Paged;
import org.billingcenter.audit.AuditEntry;
import org.billingcenter.audit.AuditFilter;
import org.billingcenter.audit.AuditSearch;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail, newest first: an organisation's own for its Global admin, every organisation's
 * for the operator. The {@code .csv} variants stream the whole result (header in the caller's
 * language, ISO-8601 UTC timestamps), as the billing exports do; a bad filter is refused before the
 * first byte (422 AUDIT_FILTER_INVALID).
 */
@RestController
class AuditApi {

  private static final String CSV = "text/csv;charset=UTF-8";
  private static final String FROM = "First day, ISO date (the organisation's own days; UTC days for the operator).";
  private static final String TO = "Last day (inclusive), ISO date.";

  /** One event; {@code occurredAt} in UTC, {@code actionName} the action's name in the caller's language. */
  record AuditEventView(String id, String tenantId, String tenantName, OffsetDateTime occurredAt, String actor,
      String action, String actionName, String entityType, String entityId, @Nullable String before,
      @Nullable String after, @Nullable String reason) {}

  private final AuditSearch search;

  AuditApi(AuditSearch search) {
    this.search = search;
  }

  @Operation(summary = "The organisation's audit events, newest first (paged). Global admins only.")
  @PreAuthorize("hasRole('GLOBAL_ADMIN')")
  @GetMapping("/api/v1/audit-events")
  ResponseEntity<List<AuditEventView>> own(@CurrentTenant TenantId tenant,
      @Parameter(description = "Exact actor (username, or support:engineer).") @RequestParam(required = false) String actor,
      @Parameter(description = "Action code, e.g. SUBSCRIPTION_CANCELLED.") @RequestParam(required = false) String action,
      @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to, PageRequest page, Locale locale) {
    AuditSearch.Query query = search.organisation(tenant, AuditFilter.parse(null, null, actor, action, from, to));
    return Paged.ok(search.page(query, page).map(e -> view(e, locale)));
  }

  @Operation(summary = "The organisation's audit events as CSV (all pages), newest first. Global admins only.")
  @ApiResponse(responseCode = "200", description = "UTF-8 CSV with a byte order mark",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @PreAuthorize("hasRole('GLOBAL_ADMIN')")
  @GetMapping("/api/v1/audit-events.csv")
  void ownCsv(@CurrentTenant TenantId tenant, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action, @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to, Locale locale,
      HttpServletResponse response) throws IOException {
    csv(search.organisation(tenant, AuditFilter.parse(null, null, actor, action, from, to)), locale, response);
  }

  @Operation(summary = "Every organisation's audit events, newest first (paged). Operator only.")
  @PreAuthorize("hasRole('OPERATOR')")
  @GetMapping("/api/v1/operator/audit-events")
  ResponseEntity<List<AuditEventView>> all(
      @Parameter(description = "One organisation's id.") @RequestParam(required = false) String tenantId,
      @Parameter(description = "Organisations whose name contains this text.") @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
      @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to, PageRequest page, Locale locale) {
    AuditSearch.Query query = search.operator(AuditFilter.parse(tenantId, organisation, actor, action, from, to));
    return Paged.ok(search.page(query, page).map(e -> view(e, locale)));
  }

  @Operation(summary = "Every organisation's audit events as CSV (all pages), newest first. Operator only.")
  @ApiResponse(responseCode = "200", description = "UTF-8 CSV with a byte order mark",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @PreAuthorize("hasRole('OPERATOR')")
  @GetMapping("/api/v1/operator/audit-events.csv")
  void allCsv(@RequestParam(required = false) String tenantId, @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
      @Parameter(description = FROM) @RequestParam(required = false) String from,
      @Parameter(description = TO) @RequestParam(required = false) String to, Locale locale,
      HttpServletResponse response) throws IOException {
    csv(search.operator(AuditFilter.parse(tenantId, organisation, actor, action, from, to)), locale, response);
  }

  private void csv(AuditSearch.Query query, Locale locale, HttpServletResponse response) throws IOException {
    response.setContentType(CSV);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(AuditSearch.fileName(query.filter())).build().toString());
    search.export(query, locale, response.getOutputStream());
  }

  private AuditEventView view(AuditEntry entry, Locale locale) {
    var e = entry.event();
    return new AuditEventView(e.id().toString(), e.tenant().value().toString(), entry.tenantName(),
        e.occurredAt().atOffset(ZoneOffset.UTC), e.actor(), e.action(), search.label(e.action(), locale),
        e.entityType(), e.entityId(), e.before(), e.after(), e.reason());
  }
}
