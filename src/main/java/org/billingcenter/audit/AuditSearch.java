package org.billingcenter.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.billingcenter.audit.AuditSearchRepository.Bounds;
import org.billingcenter.audit.AuditSearchRepository.Row;
import org.billingcenter.shared.CsvExport;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Searches the audit trail: the operator's across organisations (days in UTC), a Global admin's in
 * their own organisation only (days in its time zone). Pages newest first, or the whole result as a
 * CSV streamed in keyset chunks, so no export is ever held in memory.
 */
@Service
public class AuditSearch {

  static final int CHUNK = 500;
  private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

  /** A search ready to run: the filter with its days as instants, and the zone its times are read in. */
  public record Query(Bounds bounds, ZoneId zone) {
    public AuditFilter filter() {
      return bounds.filter();
    }
  }

  private final AuditSearchRepository repository;
  private final MessageSource messages;

  AuditSearch(AuditSearchRepository repository, MessageSource messages) {
    this.repository = repository;
    this.messages = messages;
  }

  /** The operator's search: any organisation, UTC days. */
  public Query operator(AuditFilter filter) {
    return query(filter, ZoneOffset.UTC);
  }

  /** A Global admin's search: whatever the filter says, only {@code own}'s events, in its time zone. */
  public Query organisation(TenantId own, AuditFilter filter) {
    ZoneId zone = repository.zoneOf(own).orElseThrow(() -> new Rejected(AuditReason.AUDIT_FILTER_INVALID));
    return query(filter.only(own), zone);
  }

  private static Query query(AuditFilter f, ZoneId zone) {
    Instant from = f.from() == null ? Instant.EPOCH : f.from().atStartOfDay(zone).toInstant();
    Instant until = f.to() == null ? NEVER : f.to().plusDays(1).atStartOfDay(zone).toInstant();
    return new Query(new Bounds(f, from, until), zone);
  }

  public Page<AuditEntry> page(Query query, PageRequest page) {
    return new Page<>(repository.page(query.bounds(), page), page, repository.count(query.bounds()));
  }

  /** Every event of the search, newest first, as CSV with its header in {@code language}. */
  public void export(Query query, Locale language, OutputStream out) throws IOException {
    List<String> header = AuditCsv.HEADER_KEYS.stream().map(key -> messages.getMessage(key, null, language)).toList();
    CsvExport.write(out, header, row -> {
      Row last = null;
      while (true) {
        List<Row> chunk = repository.chunk(query.bounds(), last, CHUNK);
        chunk.forEach(r -> row.accept(AuditCsv.row(r.entry(), label(r.entry().event().action(), language))));
        if (chunk.size() < CHUNK) {
          return;
        }
        last = chunk.get(chunk.size() - 1);
      }
    });
  }

  /** The action's readable name where the bundles have one, else its code. */
  public String label(String action, Locale language) {
    return messages.getMessage("audit.action." + action, null, action, language);
  }

  /** The file name of an export: the days it covers, or "all". */
  public static String fileName(AuditFilter filter) {
    return "audit-events-" + (filter.from() == null ? "start" : filter.from()) + "-to-"
        + (filter.to() == null ? "now" : filter.to()) + ".csv";
  }
}
