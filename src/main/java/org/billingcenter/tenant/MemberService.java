package org.billingcenter.tenant;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Adds, edits, removes and imports the members of a tenant (the people who can hold licenses). An
 * e-mail address is unique in a tenant whatever its case. Removing a member publishes {@link
 * MemberLeaving} first, so what other modules hold of his (licenses) is released in the same
 * transaction. Who may do this (Global and User admins) is the callers' check.
 */
@Service
@Validated
public class MemberService {

  /** The most rows one CSV import takes. */
  public static final int MAX_IMPORT_ROWS = 10_000;

  /** The longest search text: longer than any name or address is no search. */
  public static final int MAX_QUERY = 254;

  private final MemberRepository members;
  private final List<MemberHoldings> holdings;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final MemberCsv csv;
  private final Clock clock;

  MemberService(
      MemberRepository members,
      List<MemberHoldings> holdings,
      AuditLog audit,
      ApplicationEventPublisher events,
      Validator validator,
      Clock clock) {
    this.members = members;
    this.holdings = holdings;
    this.audit = audit;
    this.events = events;
    this.csv = new MemberCsv(validator, MAX_IMPORT_ROWS);
    this.clock = clock;
  }

  @Transactional
  public Member add(TenantId tenant, @Valid MemberDetails details, String actor) {
    Member member = new Member(tenant, MemberId.random(), details.displayName(), details.email(), clock.instant());
    if (members.emailTaken(tenant, member.email())) {
      throw new Rejected(TenantReason.MEMBER_EMAIL_TAKEN, member.email());
    }
    try {
      members.insert(member);
    } catch (DuplicateKeyException sameTimeSameAddress) {
      throw new Rejected(TenantReason.MEMBER_EMAIL_TAKEN, member.email());
    }
    audit.record(tenant, actor, Change.of("MEMBER_ADDED", "member", member.id()).to(shown(member)));
    return member;
  }

  /** Changes the name and address; the member's row is locked, so two edits do not interleave. */
  @Transactional
  public Member edit(TenantId tenant, MemberId id, @Valid MemberDetails details, String actor) {
    Member before = locked(tenant, id);
    Member after = new Member(tenant, id, details.displayName(), details.email(), before.createdAt());
    if (after.equals(before)) {
      return before;
    }
    if (members.emailTakenByOther(tenant, after.email(), id)) {
      throw new Rejected(TenantReason.MEMBER_EMAIL_TAKEN, after.email());
    }
    try {
      members.update(tenant, id, after.displayName(), after.email());
    } catch (DuplicateKeyException sameTimeSameAddress) {
      throw new Rejected(TenantReason.MEMBER_EMAIL_TAKEN, after.email());
    }
    audit.record(tenant, actor, Change.of("MEMBER_EDITED", "member", id).from(shown(before)).to(shown(after)));
    return after;
  }

  /**
   * Removes the member: first {@link MemberLeaving} (licensing releases his licenses, audited, in
   * this transaction), then his row. Lock order: the member's row, then his subscriptions.
   * Sign-in accounts are not members (no link in the schema), so none is touched.
   */
  @Transactional
  public Member remove(TenantId tenant, MemberId id, String actor) {
    Member member = locked(tenant, id);
    events.publishEvent(new MemberLeaving(tenant, id, actor));
    members.delete(tenant, id);
    audit.record(tenant, actor, Change.of("MEMBER_REMOVED", "member", id).from(shown(member)));
    return member;
  }

  /** The licenses (and anything else other modules hold) that {@link #remove} would release. */
  @Transactional(readOnly = true)
  public List<MemberHoldings.HeldLicense> licensesOf(TenantId tenant, MemberId id) {
    member(tenant, id);
    return holdings.stream()
        .flatMap(h -> h.licensesOf(tenant, id).stream())
        .sorted(Comparator.comparing(MemberHoldings.HeldLicense::productName))
        .toList();
  }

  @Transactional(readOnly = true)
  public Member member(TenantId tenant, MemberId id) {
    return members.find(tenant, id).orElseThrow(() -> new Rejected(TenantReason.MEMBER_NOT_FOUND, id));
  }

  /**
   * A page of the members whose name or address contains {@code query} (any case; {@code %} and
   * {@code _} are plain characters), by name; a blank query lists everybody.
   */
  @Transactional(readOnly = true)
  public Page<Member> search(TenantId tenant, @Size(max = MAX_QUERY) String query, PageRequest page) {
    if (query == null || query.isBlank()) {
      return new Page<>(members.list(tenant, page), page, members.count(tenant));
    }
    String like = "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
    return new Page<>(members.search(tenant, like, page), page, members.countMatching(tenant, like));
  }

  /**
   * Imports a CSV file all or nothing: every line is checked (and every bad one reported with its
   * line number) before anything is written; then all rows go in JDBC batches with one audit row.
   */
  @Transactional
  public MemberImport importCsv(TenantId tenant, byte[] file, String actor) {
    MemberCsv.Read read = csv.read(file);
    List<ImportProblem> problems = new ArrayList<>(read.problems());
    List<String> emails = read.rows().stream().map(r -> r.details().email()).toList();
    Set<String> taken = new HashSet<>(members.existingEmails(tenant, emails));
    for (MemberCsv.Row row : read.rows()) {
      if (taken.contains(row.details().email())) {
        problems.add(ImportProblem.of(row.line(), "email", ImportIssue.ALREADY_MEMBER, row.details().email()));
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(ImportProblem::line));
      return new MemberImport(0, problems);
    }
    List<Member> added =
        read.rows().stream()
            .map(r -> new Member(tenant, MemberId.random(), r.details().displayName(), r.details().email(), clock.instant()))
            .toList();
    try {
      members.insertAll(added);
    } catch (DuplicateKeyException sameTimeSameAddress) {
      throw new Rejected(TenantReason.MEMBER_IMPORT_RACED);
    }
    audit.record(tenant, actor, Change.of("MEMBERS_IMPORTED", "tenant", tenant).to(added.size() + " members"));
    return new MemberImport(added.size(), List.of());
  }

  private Member locked(TenantId tenant, MemberId id) {
    return members.lock(tenant, id).orElseThrow(() -> new Rejected(TenantReason.MEMBER_NOT_FOUND, id));
  }

  private static String shown(Member member) {
    return member.displayName() + " <" + member.email() + ">";
  }

  /** LIKE's own characters match themselves ({@code !} is the escape the queries declare). */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
