package org.billingcenter.audit;

import java.util.List;
import org.billingcenter.shared.CsvCells;

/**
 * The audit export's columns: ISO-8601 UTC timestamps and stable codes for machines, the action's
 * readable name beside its code for people. Everything a person typed is guarded against formula
 * injection ({@link CsvCells#text}). Pure.
 */
public final class AuditCsv {

  static final List<String> HEADER_KEYS = List.of("audit.csv.occurred-at", "audit.csv.organisation-id",
      "audit.csv.organisation", "audit.csv.actor", "audit.csv.action", "audit.csv.action-name",
      "audit.csv.entity-type", "audit.csv.entity-id", "audit.csv.before", "audit.csv.after", "audit.csv.reason");

  private AuditCsv() {}

  public static List<String> row(AuditEntry entry, String actionName) {
    AuditEvent e = entry.event();
    return List.of(e.occurredAt().toString(), e.tenant().value().toString(), CsvCells.text(entry.tenantName()),
        CsvCells.text(e.actor()), e.action(), CsvCells.text(actionName), CsvCells.text(e.entityType()),
        CsvCells.text(e.entityId()), CsvCells.text(e.before()), CsvCells.text(e.after()), CsvCells.text(e.reason()));
  }
}
