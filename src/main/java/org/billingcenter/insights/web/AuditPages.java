package org.billingcenter.insights.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.PageLinks;
import org.billingcenter.audit.AuditEntry;
import org.billingcenter.audit.AuditFilter;
import org.billingcenter.audit.AuditSearch;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Audit: the operator's search across organisations (/operator/audit, times in UTC) and a Global
 * admin's read-only trail of their own organisation (/settings/audit, times in its zone). The export
 * link streams the same search as CSV; an unreadable filter shows on the page (422) with the values
 * as typed and no list, for the page and the export alike.
 */
@Controller
class AuditPages {

  /** The filter as the form shows it again: strings as typed (clipped), null where blank (left out of links). */
  record FilterForm(String tenantId, String organisation, String actor, String action, String from, String to) {
    static FilterForm typed(String tenantId, String organisation, String actor, String action, String from, String to) {
      return new FilterForm(clip(tenantId, 36), clip(organisation, AuditFilter.MAX_TEXT), clip(actor, AuditFilter.MAX_TEXT),
          clip(action, 60), clip(from, 10), clip(to, 10));
    }

    /** The CSV export of the same search: only the filters that were set, encoded. */
    public String exportHref(String base) {
      var uri = org.springframework.web.util.UriComponentsBuilder.fromPath(base + ".csv");
      for (String[] p : new String[][] {{"tenantId", tenantId}, {"organisation", organisation}, {"actor", actor},
          {"action", action}, {"from", from}, {"to", to}}) {
        if (p[1] != null) {
          uri.queryParam(p[0], p[1]);
        }
      }
      return uri.encode().build().toUriString();
    }

    private static String clip(String value, int max) {
      return value == null || value.isBlank() ? null : value.substring(0, Math.min(value.length(), max));
    }
  }

  /** One row: the event, its moment in the reader's zone, its action's readable name. */
  record Row(AuditEntry entry, LocalDateTime at, String actionName) {}

  private final AuditSearch search;
  private final MessageSource messages;

  AuditPages(AuditSearch search, MessageSource messages) {
    this.search = search;
    this.messages = messages;
  }

  @PreAuthorize("hasRole('OPERATOR')")
  @GetMapping("/operator/audit")
  String operator(@RequestParam(required = false) String tenantId, @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, PageRequest page,
      Model model, Locale locale, HttpServletResponse response) {
    model.addAttribute("filter", FilterForm.typed(tenantId, organisation, actor, action, from, to));
    try {
      return list(search.operator(AuditFilter.parse(tenantId, organisation, actor, action, from, to)), true, page, model, locale);
    } catch (Rejected e) {
      return refused(e, true, page, model, locale, response);
    }
  }

  @PreAuthorize("hasRole('OPERATOR')")
  @GetMapping("/operator/audit.csv")
  String operatorCsv(@RequestParam(required = false) String tenantId, @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model, Locale locale,
      HttpServletResponse response) throws IOException {
    model.addAttribute("filter", FilterForm.typed(tenantId, organisation, actor, action, from, to));
    try {
      return csv(search.operator(AuditFilter.parse(tenantId, organisation, actor, action, from, to)), locale, response);
    } catch (Rejected e) {
      return refused(e, true, PageRequest.FIRST, model, locale, response);
    }
  }

  @PreAuthorize("hasRole('GLOBAL_ADMIN')")
  @GetMapping("/settings/audit")
  String organisation(@CurrentTenant TenantId tenant, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, PageRequest page, Model model, Locale locale,
      HttpServletResponse response) {
    model.addAttribute("filter", FilterForm.typed(null, null, actor, action, from, to));
    try {
      return list(search.organisation(tenant, AuditFilter.parse(null, null, actor, action, from, to)), false, page, model,
          locale);
    } catch (Rejected e) {
      return refused(e, false, page, model, locale, response);
    }
  }

  @PreAuthorize("hasRole('GLOBAL_ADMIN')")
  @GetMapping("/settings/audit.csv")
  String organisationCsv(@CurrentTenant TenantId tenant, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Model model, Locale locale, HttpServletResponse response)
      throws IOException {
    model.addAttribute("filter", FilterForm.typed(null, null, actor, action, from, to));
    try {
      return csv(search.organisation(tenant, AuditFilter.parse(null, null, actor, action, from, to)), locale, response);
    } catch (Rejected e) {
      return refused(e, false, PageRequest.FIRST, model, locale, response);
    }
  }

  private String list(AuditSearch.Query query, boolean operator, PageRequest request, Model model, Locale locale) {
    Page<Row> rows = search.page(query, request).map(e -> new Row(e,
        LocalDateTime.ofInstant(e.event().occurredAt(), query.zone()), search.label(e.event().action(), locale)));
    return show(rows, operator, model);
  }

  private String refused(Rejected e, boolean operator, PageRequest request, Model model, Locale locale,
      HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    model.addAttribute("filterError", messages.getMessage(
        "error." + e.reason().code().toLowerCase(Locale.ROOT), e.arguments().toArray(), locale));
    return show(new Page<>(List.of(), request, 0), operator, model);
  }

  private static String show(Page<Row> rows, boolean operator, Model model) {
    model.addAttribute("operator", operator);
    model.addAttribute("actions", org.billingcenter.audit.AuditActions.NAMED);
    model.addAttribute("rows", rows.items());
    model.addAttribute("pager", PageLinks.of(rows, "page"));
    return "insights/audit";
  }

  private String csv(AuditSearch.Query query, Locale locale, HttpServletResponse response) throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(AuditSearch.fileName(query.filter())).build().toString());
    search.export(query, locale, response.getOutputStream());
    return null;
  }
}
