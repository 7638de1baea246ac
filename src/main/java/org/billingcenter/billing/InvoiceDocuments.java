package org.billingcenter.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.billingcenter.billing.InvoiceDocumentRepository.Header;
import org.billingcenter.billing.InvoiceDocument.Line;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.springframework.stereotype.Component;

/**
 * Assembles {@link InvoiceDocument}s: one, a filtered page, or all of a date range in chunks (two
 * queries per chunk, so an export's memory stays flat however many invoices it walks).
 */
@Component
class InvoiceDocuments {

  static final int CHUNK = 200;

  private final InvoiceDocumentRepository repository;
  private final PaymentTerms terms;

  InvoiceDocuments(InvoiceDocumentRepository repository, PaymentTerms terms) {
    this.repository = repository;
    this.terms = terms;
  }

  Optional<InvoiceDocument> one(TenantId tenant, UUID id) {
    return repository.headers(tenant, " and i.invoice_id = :id").param("id", id)
        .query(InvoiceDocumentRepository::header).optional()
        .map(h -> assemble(tenant, List.of(h)).get(0));
  }

  /**
   * A page, newest first. A number filter is SQL; a status filter is applied to the derived status
   * ({@link InvoiceStatus#of}, its one home) while walking the tenant's headers: an organisation has
   * one or two documents per billing date, so that walk is short, and only the page gets its lines.
   */
  Page<InvoiceDocument> page(TenantId tenant, InvoiceFilter filter, PageRequest page) {
    String where = filter.number() == null ? "" : " and upper(i.number) like :number";
    var query = repository.headers(tenant, where + InvoiceDocumentRepository.NEWEST_FIRST);
    if (filter.number() != null) {
      query = query.param("number", "%" + filter.number() + "%");
    }
    List<Header> window = new ArrayList<>();
    long[] matching = {0};
    try (var headers = query.query(InvoiceDocumentRepository::header).stream()) {
      headers.filter(h -> filter.status() == null || InvoiceStatus.of(h.facts()) == filter.status())
          .forEach(h -> {
            long index = matching[0]++;
            if (index >= page.offset() && window.size() < page.size()) {
              window.add(h);
            }
          });
    }
    return new Page<>(assemble(tenant, window), page, matching[0]);
  }

  /** Every document dated {@code from} to {@code to}, oldest first, a chunk of {@value #CHUNK} at a time. */
  void forEach(TenantId tenant, LocalDate from, LocalDate to, Consumer<InvoiceDocument> each) {
    Header last = null;
    while (true) {
      String after = last == null ? "" : """
           and (i.invoice_date > :lastDate or (i.invoice_date = :lastDate and i.kind > :lastKind)
                or (i.invoice_date = :lastDate and i.kind = :lastKind and i.invoice_id > :lastId))""";
      var query = repository.headers(tenant, " and i.invoice_date between :from and :to" + after
              + InvoiceDocumentRepository.OLDEST_FIRST + " fetch first " + CHUNK + " rows only")
          .param("from", from).param("to", to);
      if (last != null) {
        query = query.param("lastDate", last.date()).param("lastKind", last.kind().name()).param("lastId", last.id());
      }
      List<Header> chunk = query.query(InvoiceDocumentRepository::header).list();
      assemble(tenant, chunk).forEach(each);
      if (chunk.size() < CHUNK) {
        return;
      }
      last = chunk.get(chunk.size() - 1);
    }
  }

  private List<InvoiceDocument> assemble(TenantId tenant, List<Header> headers) {
    Map<UUID, List<Line>> lines = repository.lines(tenant, headers.stream().map(Header::id).toList());
    return headers.stream().map(h -> document(tenant, h, lines.getOrDefault(h.id(), List.of()))).toList();
  }

  private InvoiceDocument document(TenantId tenant, Header h, List<Line> lines) {
    java.util.Currency currency = java.util.Currency.getInstance(h.currency());
    Money credited = new Money(h.creditedMinor(), currency);
    // A credit note's headline amount is what it credits; an invoice's what it asks to be paid.
    Money total = h.kind() == InvoiceDocument.Kind.CREDIT_NOTE ? credited : new Money(h.totalMinor(), currency);
    return new InvoiceDocument(tenant, h.id(), h.kind(), h.number(), InvoiceStatus.of(h.facts()), h.date(),
        h.dueDate() != null ? h.dueDate() : terms.dueDate(h.date()), currency, lines,
        new Money(h.chargedMinor(), currency), credited, new Money(h.refundedMinor(), currency), total, h.finalizedAt());
  }
}
