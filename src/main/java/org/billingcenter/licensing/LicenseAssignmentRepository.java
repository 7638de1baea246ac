package org.billingcenter.licensing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LicenseAssignmentRepository {

  private final JdbcClient jdbc;

  LicenseAssignmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<MemberId> assignedMembers(TenantId tenant, SubscriptionId subscription) {
    return jdbc.sql(
            """
            select member_id from license_assignment
             where tenant_id = :tenant and subscription_id = :subscription
             order by member_id
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .query((rs, i) -> new MemberId(rs.getObject("member_id", UUID.class)))
        .list();
  }

  /** A page of the seat holders in id order: the primary key's own order, no sort needed. */
  List<MemberId> assignedMembers(TenantId tenant, SubscriptionId subscription, PageRequest page) {
    return jdbc.sql(
            """
            select member_id from license_assignment
             where tenant_id = :tenant and subscription_id = :subscription
             order by member_id limit :size offset :offset
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> new MemberId(rs.getObject("member_id", UUID.class)))
        .list();
  }

  long count(TenantId tenant, SubscriptionId subscription) {
    return jdbc.sql(
            "select count(*) from license_assignment where tenant_id = :tenant and subscription_id = :subscription")
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .query(Long.class)
        .single();
  }

  /** Removes the given members' seats; returns how many there were. */
  int delete(TenantId tenant, SubscriptionId subscription, List<MemberId> members) {
    if (members.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            delete from license_assignment
             where tenant_id = :tenant and subscription_id = :subscription and member_id in (:members)
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("members", members.stream().map(MemberId::value).toList())
        .update();
  }

  int deleteAll(TenantId tenant, SubscriptionId subscription) {
    return jdbc.sql(
            "delete from license_assignment where tenant_id = :tenant and subscription_id = :subscription")
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .update();
  }

  /**
   * Gives seats to those of {@code members} who belong to the tenant, in one statement (a request
   * may name 10,000); returns how many. The service has checked every one of them is the tenant's.
   */
  int insert(TenantId tenant, SubscriptionId subscription, List<MemberId> members, Instant now) {
    if (members.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            insert into license_assignment (tenant_id, subscription_id, member_id, assigned_at)
            select m.tenant_id, :subscription, m.member_id, :now from member m
             where m.tenant_id = :tenant and m.member_id in (:members)
            """)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("members", members.stream().map(MemberId::value).toList())
        .param("now", Utc.of(now))
        .update();
  }

  /** The subscriptions a member holds a license of, in id order (the order they are locked in). */
  List<SubscriptionId> subscriptionsHeldBy(TenantId tenant, MemberId member) {
    return jdbc.sql(
            """
            select subscription_id from license_assignment
             where tenant_id = :tenant and member_id = :member
             order by subscription_id
            """)
        .param("tenant", tenant.value())
        .param("member", member.value())
        .query((rs, i) -> new SubscriptionId(rs.getObject("subscription_id", UUID.class)))
        .list();
  }
}
