package org.billingcenter.tenant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

  /** Rows per JDBC batch of an import: one round trip each, small enough for any driver. */
  static final int BATCH = 1_000;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  MemberRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  void insert(Member member) {
    jdbc.sql(
            """
            insert into member (tenant_id, member_id, display_name, email, created_at)
            values (:tenant, :member, :name, :email, :now)
            """)
        .param("tenant", member.tenant().value())
        .param("member", member.id().value())
        .param("name", member.displayName())
        .param("email", member.email())
        .param("now", Utc.of(member.createdAt()))
        .update();
  }

  boolean emailTaken(TenantId tenant, String email) {
    return jdbc.sql("select count(*) from member where tenant_id = :tenant and email = :email")
            .param("tenant", tenant.value())
            .param("email", email)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Member> find(TenantId tenant, MemberId member) {
    return jdbc.sql("select * from member where tenant_id = :tenant and member_id = :member")
        .param("tenant", tenant.value())
        .param("member", member.value())
        .query((rs, i) -> map(tenant, rs))
        .optional();
  }

  /** By name; the e-mail is unique within a tenant, so the order is total. */
  List<Member> list(TenantId tenant, PageRequest page) {
    return jdbc.sql(
            """
            select * from member where tenant_id = :tenant order by display_name, email
             limit :size offset :offset
            """)
        .param("tenant", tenant.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> map(tenant, rs))
        .list();
  }

  long count(TenantId tenant) {
    return jdbc.sql("select count(*) from member where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query(Long.class)
        .single();
  }

  List<Member> findAll(TenantId tenant, Collection<MemberId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select * from member where tenant_id = :tenant and member_id in (:members)
             order by display_name, email
            """)
        .param("tenant", tenant.value())
        .param("members", ids.stream().map(MemberId::value).toList())
        .query((rs, i) -> map(tenant, rs))
        .list();
  }

  /** Inserts many members in JDBC batches (an import): a round trip per {@link #BATCH} rows, not per row. */
  void insertAll(List<Member> members) {
    for (int from = 0; from < members.size(); from += BATCH) {
      List<Member> chunk = members.subList(from, Math.min(members.size(), from + BATCH));
      batches.batchUpdate(
          """
          insert into member (tenant_id, member_id, display_name, email, created_at)
          values (:tenant, :member, :name, :email, :now)
          """,
          chunk.stream()
              .map(
                  m ->
                      new MapSqlParameterSource()
                          .addValue("tenant", m.tenant().value())
                          .addValue("member", m.id().value())
                          .addValue("name", m.displayName())
                          .addValue("email", m.email())
                          .addValue("now", Utc.of(m.createdAt())))
              .toArray(MapSqlParameterSource[]::new));
    }
  }

  /** True when another member of the tenant than {@code except} has this (lower-case) address. */
  boolean emailTakenByOther(TenantId tenant, String email, MemberId except) {
    return jdbc.sql(
                """
                select count(*) from member
                 where tenant_id = :tenant and email = :email and member_id <> :member
                """)
            .param("tenant", tenant.value())
            .param("email", email)
            .param("member", except.value())
            .query(Long.class)
            .single()
        > 0;
  }

  /** Which of {@code emails} (lower case) already belong to members of the tenant. */
  List<String> existingEmails(TenantId tenant, List<String> emails) {
    List<String> found = new java.util.ArrayList<>();
    for (int from = 0; from < emails.size(); from += BATCH) {
      found.addAll(
          jdbc.sql("select email from member where tenant_id = :tenant and email in (:emails)")
              .param("tenant", tenant.value())
              .param("emails", emails.subList(from, Math.min(emails.size(), from + BATCH)))
              .query(String.class)
              .list());
    }
    return found;
  }

  /** Returns false when the member was not the tenant's (nothing updated). */
  boolean update(TenantId tenant, MemberId member, String displayName, String email) {
    return jdbc.sql(
                """
                update member set display_name = :name, email = :email
                 where tenant_id = :tenant and member_id = :member
                """)
            .param("tenant", tenant.value())
            .param("member", member.value())
            .param("name", displayName)
            .param("email", email)
            .update()
        == 1;
  }

  boolean delete(TenantId tenant, MemberId member) {
    return jdbc.sql("delete from member where tenant_id = :tenant and member_id = :member")
            .param("tenant", tenant.value())
            .param("member", member.value())
            .update()
        == 1;
  }

  /** The member's row, locked until the transaction ends: edits and removals of one member serialise. */
  /**
   * Locks these members' rows in id order and returns how many exist: a seat change locks its
   * members before its subscription, the order a removal takes, so neither waits on the other in a
   * circle and no seat is given to a member whose removal is under way.
   */
  int lockAll(TenantId tenant, Collection<MemberId> ids) {
    List<UUID> sorted = ids.stream().map(MemberId::value).distinct().sorted().toList();
    int found = 0;
    for (int from = 0; from < sorted.size(); from += BATCH) {
      found += jdbc.sql("select member_id from member where tenant_id = :tenant and member_id in (:ids)"
              + " order by member_id for update")
          .param("tenant", tenant.value())
          .param("ids", sorted.subList(from, Math.min(sorted.size(), from + BATCH)))
          .query(UUID.class)
          .list()
          .size();
    }
    return found;
  }

  Optional<Member> lock(TenantId tenant, MemberId member) {
    return jdbc.sql("select * from member where tenant_id = :tenant and member_id = :member for update")
        .param("tenant", tenant.value())
        .param("member", member.value())
        .query((rs, i) -> map(tenant, rs))
        .optional();
  }

  /**
   * A page of the members whose name or address contains {@code like} (a lower-case LIKE pattern
   * whose own {@code !}, {@code %} and {@code _} are escaped with {@code !}), by name.
   */
  List<Member> search(TenantId tenant, String like, PageRequest page) {
    return jdbc.sql(
            """
            select * from member
             where tenant_id = :tenant
               and (lower(display_name) like :q escape '!' or email like :q escape '!')
             order by display_name, email limit :size offset :offset
            """)
        .param("tenant", tenant.value())
        .param("q", like)
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> map(tenant, rs))
        .list();
  }

  long countMatching(TenantId tenant, String like) {
    return jdbc.sql(
            """
            select count(*) from member
             where tenant_id = :tenant
               and (lower(display_name) like :q escape '!' or email like :q escape '!')
            """)
        .param("tenant", tenant.value())
        .param("q", like)
        .query(Long.class)
        .single();
  }

  private static Member map(TenantId tenant, java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Member(
        tenant,
        new MemberId(rs.getObject("member_id", UUID.class)),
        rs.getString("display_name"),
        rs.getString("email"),
        Utc.read(rs, "created_at"));
  }
}
