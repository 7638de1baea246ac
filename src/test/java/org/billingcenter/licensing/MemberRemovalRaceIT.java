package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.billingcenter.account.AccountService;
import org.billingcenter.shared.MemberId;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.LongVariant;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * One admin removes a user while another gives him a license, at the same instant, many times. The
 * removal always happens; the license is either given first (and then released by the removal) or
 * refused as for someone who is not a user (422), never a 500; and no seat outlives its member. Before
 * seat changes locked their members first, PostgreSQL answered the assignment with a 500 (its foreign
 * key found the member gone) and H2 kept a seat of a deleted member.
 */
class MemberRemovalRaceIT extends DatabaseIT {

  static final int RACES = LongVariant.pick(20, 200);

  @Autowired AccountService accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void removing_a_user_while_he_is_given_a_license_never_fails_with_a_500_nor_leaves_a_seat_behind() throws Exception {
    Given org = tenants.tenant(RACES);
    Subscription s = tenants.subscription(org, RACES, 0);
    UserDetails admin = accounts.loadUserByUsername(org.admin());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<String> outcomes = new ArrayList<>();
    try {
      for (MemberId member : org.members()) {
        CountDownLatch start = new CountDownLatch(1);
        Future<MockHttpServletResponse> removal = pool.submit(() -> {
          start.await();
          return mvc.perform(delete("/api/v1/members/" + member).with(user(admin))).andReturn().getResponse();
        });
        Future<MockHttpServletResponse> assignment = pool.submit(() -> {
          start.await();
          return mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/licenses").with(user(admin))
                  .contentType(MediaType.APPLICATION_JSON).content("{\"memberIds\":[\"" + member + "\"]}"))
              .andReturn().getResponse();
        });
        start.countDown();
        MockHttpServletResponse removed = removal.get(30, TimeUnit.SECONDS);
        MockHttpServletResponse assigned = assignment.get(30, TimeUnit.SECONDS);
        String outcome = "remove " + removed.getStatus() + ", assign " + assigned.getStatus();
        outcomes.add(outcome);
        assertThat(removed.getStatus()).as(outcome + " " + removed.getContentAsString()).isIn(200, 204);
        assertThat(assigned.getStatus()).as(outcome + " " + assigned.getContentAsString()).isIn(200, 201, 422);
        boolean stillThere = jdbc.sql("select count(*) from member where tenant_id = :t and member_id = :m")
            .param("t", org.id().value()).param("m", member.value()).query(Long.class).single() == 1;
        boolean seated = jdbc.sql("select count(*) from license_assignment where tenant_id = :t and member_id = :m")
            .param("t", org.id().value()).param("m", member.value()).query(Long.class).single() == 1;
        assertThat(stillThere).as(outcome).isFalse();
        assertThat(seated).as(outcome).isFalse();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println("Member removal races: " + outcomes.stream()
        .collect(java.util.stream.Collectors.groupingBy(o -> o, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
  }
}
