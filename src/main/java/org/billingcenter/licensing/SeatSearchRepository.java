package org.billingcenter.licensing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.billingcenter.licensing.LicensingService.ListOrder;
import org.billingcenter.tenant.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A tenant's members found by a search, on either side of one subscription: its seat holders and
 * its candidates (members without a seat), and "all matching" assigned or unassigned in one
 * statement each, so 10,000 members cost no more round trips than ten. A read-model join on the
 * member table, as the seat holders by name already are.
 */
@Repository
class SeatSearchRepository {

  /** Case-insensitive substring of the name or the e-mail; see {@link MemberSearch#likePattern()}. */
  private static final String MATCHES =
      "(lower(m.display_name) like lower(:pattern) escape '!' or lower(m.email) like lower(:pattern) escape '!')";

  private static final String HOLDERS =
      """
      from license_assignment a
      join member m on m.tenant_id = a.tenant_id and m.member_id = a.member_id
      where a.tenant_id = :tenant and a.subscription_id = :subscription and %s
      """
          .formatted(MATCHES);

  /**
   * {@code not in} an uncorrelated subquery rather than {@code not exists}: PostgreSQL reads the
   * seat holders once into a hash, whatever its statistics say. Right after 10,000 members were
   * added (before autovacuum analyses the tables) {@code not exists} was planned as a rescan of every
   * seat per member: minutes instead of a tenth of a second. member_id is never null, so {@code not
   * in} means what it says.
   */
  private static final String CANDIDATES =
      """
      from member m
      where m.tenant_id = :tenant and %s
        and m.member_id not in (select a.member_id from license_assignment a
                                 where a.tenant_id = :tenant and a.subscription_id = :subscription)
      """
          .formatted(MATCHES);

  private static final String COLUMNS = "select m.member_id, m.display_name, m.email, m.created_at ";

  private final JdbcClient jdbc;

  SeatSearchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Member> holders(TenantId tenant, SubscriptionId subscription, MemberSearch search, ListOrder order, PageRequest page) {
    return page(COLUMNS + HOLDERS, tenant, subscription, search, order, page);
  }

  long countHolders(TenantId tenant, SubscriptionId subscription, MemberSearch search) {
    return count(HOLDERS, tenant, subscription, search);
  }

  List<Member> candidates(
      TenantId tenant, SubscriptionId subscription, MemberSearch search, ListOrder order, PageRequest page) {
    return page(COLUMNS + CANDIDATES, tenant, subscription, search, order, page);
  }

  long countCandidates(TenantId tenant, SubscriptionId subscription, MemberSearch search) {
    return count(CANDIDATES, tenant, subscription, search);
  }

  /**
   * Locks the rows of every member the search matches, in id order, before the subscription is
   * locked: the order a member's removal takes, so a member being removed is not given a seat.
   */
  void lockMatching(TenantId tenant, MemberSearch search) {
    jdbc.sql("select m.member_id from member m where m.tenant_id = :tenant and " + MATCHES
            + " order by m.member_id for update")
        .param("tenant", tenant.value())
        .param("pattern", search.likePattern())
        .query(UUID.class)
        .list();
  }

  /** Every candidate the search matches takes a seat: one insert ... select. Returns how many. */
  int assignMatching(TenantId tenant, SubscriptionId subscription, MemberSearch search, Instant now) {
    return jdbc.sql(
            "insert into license_assignment (tenant_id, subscription_id, member_id, assigned_at)"
                + " select m.tenant_id, :subscription, m.member_id, :now "
                + CANDIDATES)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("pattern", search.likePattern())
        .param("now", Utc.of(now))
        .update();
  }

  /** Every holder the search matches loses the seat: one delete. Returns how many. */
  int unassignMatching(TenantId tenant, SubscriptionId subscription, MemberSearch search) {
    return jdbc.sql(
            """
            delete from license_assignment
             where tenant_id = :tenant and subscription_id = :subscription
               and member_id in (select m.member_id from member m where m.tenant_id = :tenant and %s)
            """
                .formatted(MATCHES))
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("pattern", search.likePattern())
        .update();
  }

  private List<Member> page(
      String select, TenantId tenant, SubscriptionId subscription, MemberSearch search, ListOrder order, PageRequest page) {
    return jdbc.sql(select + " order by " + orderBy(order) + " limit :size offset :offset")
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("pattern", search.likePattern())
        .param("size", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> member(tenant, rs))
        .list();
  }

  private long count(String from, TenantId tenant, SubscriptionId subscription, MemberSearch search) {
    return jdbc.sql("select count(*) " + from)
        .param("tenant", tenant.value())
        .param("subscription", subscription.value())
        .param("pattern", search.likePattern())
        .query(Long.class)
        .single();
  }

  /** By name for people reading the list (e-mails are unique, the id breaks a tie); by id for the API. */
  private static String orderBy(ListOrder order) {
    return switch (order) {
      case NAME -> "m.display_name, m.email, m.member_id";
      case ID -> "m.member_id";
    };
  }

  private static Member member(TenantId tenant, ResultSet rs) throws SQLException {
    return new Member(
        tenant,
        new MemberId(rs.getObject("member_id", UUID.class)),
        rs.getString("display_name"),
        rs.getString("email"),
        Utc.read(rs, "created_at"));
  }
}
