package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.Rejected;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class LicenseAssignmentRepositoryIT extends DatabaseIT {

  @Autowired LicenseAssignmentRepository repository;
  @Autowired LicensingService licensing;
  @Autowired SubscriptionService subscriptions;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  @Test
  void assigned_seats_show_in_the_subscription_summary() {
    Given org = tenants.tenant(5);
    Subscription s = tenants.subscription(org, 5, 3);
    assertThat(repository.assignedMembers(org.id(), s.id())).containsExactlyInAnyOrderElementsOf(org.members().subList(0, 3));
    assertThat(subscriptions.get(org.id(), s.id()).assignedLicenses()).isEqualTo(3);
  }

  @Test
  void more_members_than_free_seats_assigns_nobody() {
    Given org = tenants.tenant(5);
    Subscription s = tenants.subscription(org, 4, 2);
    assertThatThrownBy(() -> licensing.assign(org.id(), s.id(), org.members().subList(2, 5), "test"))
        .isInstanceOf(Rejected.class)
        .extracting(e -> ((Rejected) e).reason())
        .isEqualTo(LicensingReason.NOT_ENOUGH_SEATS);
    assertThat(repository.assignedMembers(org.id(), s.id())).hasSize(2);
  }

  @Test
  void a_tenant_cannot_see_or_fill_another_tenants_seats() {
    Given a = tenants.tenant(2);
    Given b = tenants.tenant(2);
    Subscription theirs = tenants.subscription(b, 2, 1);
    assertThat(repository.assignedMembers(a.id(), theirs.id())).isEmpty();
    assertThatThrownBy(() -> licensing.assign(a.id(), theirs.id(), a.members(), "test"))
        .isInstanceOf(Rejected.class);
    assertThat(repository.assignedMembers(b.id(), theirs.id())).hasSize(1);
  }

  @Test
  void another_tenants_member_cannot_take_a_seat_even_past_the_service() {
    Given a = tenants.tenant(1);
    Given b = tenants.tenant(1);
    Subscription mine = tenants.subscription(a, 2, 0);
    assertThatThrownBy(() -> licensing.assign(a.id(), mine.id(), b.members(), "test"))
        .isInstanceOf(Rejected.class)
        .extracting(e -> ((Rejected) e).reason())
        .isEqualTo(LicensingReason.MEMBER_NOT_IN_TENANT);
    List<MemberId> stranger = b.members();
    // The repository only seats the tenant's own members; the schema's foreign key refuses the rest.
    Integer seated = transaction.execute(status -> repository.insert(a.id(), mine.id(), stranger, clock.instant()));
    assertThat(seated).isZero();
    assertThat(repository.assignedMembers(a.id(), mine.id())).isEmpty();
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        """
                        insert into license_assignment (tenant_id, subscription_id, member_id, assigned_at)
                        values (:tenant, :subscription, :member, current_timestamp)
                        """)
                    .param("tenant", a.id().value())
                    .param("subscription", mine.id().value())
                    .param("member", stranger.get(0).value())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
