package org.billingcenter.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.billing.BillingService;
import org.billingcenter.shared.Rejected;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import org.springframework.beans.factory.annotation.Autowired;

/** Simultaneous cancels of one subscription: exactly one cancellation, one credit, one audit entry. */
class ConcurrentCancellationIT extends DatabaseIT {

  @Autowired CancellationService cancellations;
  @Autowired BillingService billing;
  @Autowired AuditLog audit;
  @Autowired org.billingcenter.account.AccountService accounts;

  @RepeatedTest(2)
  void twin_requests_with_one_idempotency_key_cancel_once_and_get_one_answer() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 1);
    var account = accounts.loadUserByUsername(org.admin());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(pool.submit(() -> {
        start.await();
        return mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/cancellation")
                .header("Idempotency-Key", "twin").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"OTHER\"}")
                .with(user(account)))
            .andReturn().getResponse();
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<MockHttpServletResponse> answer : answers) {
      statuses.add(answer.get(30, TimeUnit.SECONDS).getStatus());
    }
    pool.shutdown();
    assertThat(statuses).allMatch(code -> code == 200 || code == 409).contains(200);
    assertThat(billing.credits(org.id())).hasSize(1);
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .filteredOn(e -> e.action().equals("SUBSCRIPTION_CANCELLED")).hasSize(1);
  }

  @RepeatedTest(3)
  void two_admins_cancelling_at_once_cancel_once() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 4, 2);
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Canceller who = new Canceller("admin-" + i, Set.of(Role.GLOBAL_ADMIN), null);
      Callable<String> cancel =
          () -> {
            start.await();
            try {
              cancellations.cancel(org.id(), s.id(), who,
                  new CancellationService.Request(CancelWhen.NOW, LeavingReason.OTHER, null));
              return "cancelled";
            } catch (Rejected refused) {
              return refused.reason().code();
            }
          };
      results.add(pool.submit(cancel));
    }
    start.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> result : results) {
      outcomes.add(result.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(outcomes).containsOnlyOnce("cancelled");
    assertThat(outcomes).filteredOn(o -> !o.equals("cancelled")).containsOnly("ALREADY_ENDED");
    assertThat(billing.credits(org.id())).hasSize(1);
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .filteredOn(e -> e.action().equals("SUBSCRIPTION_CANCELLED"))
        .hasSize(1);
  }
}
