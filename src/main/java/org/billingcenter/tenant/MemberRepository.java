package org.billingcenter.tenant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

  private final JdbcClient jdbc;

  MemberRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  /** How many of {@code members} belong to the tenant; ids of other tenants simply do not count. */
  long countOwned(TenantId tenant, Collection<MemberId> members) {
    if (members.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "select count(*) from member where tenant_id = :tenant and member_id in (:members)")
        .param("tenant", tenant.value())
        .param("members", members.stream().map(MemberId::value).toList())
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
