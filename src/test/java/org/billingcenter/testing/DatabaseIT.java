package org.billingcenter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.billingcenter.account.LoginThrottle;
import org.billingcenter.account.LoginThrottles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of every database integration test: the whole application on the database the build chose
 * (H2 or PostgreSQL), one shared context, a movable clock (the one {@code Clock} bean) and no demo data.
 * Every {@code /api/**} exchange through {@link #mvc} is checked against {@code /v3/api-docs}
 * ({@link ApiContractCheck}).
 */
@ExtendWith(RequiresDatabase.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import({DatabaseIT.TestClock.class, ApiContractCheck.class})
public abstract class DatabaseIT {

  /** 10:00 UTC on a Tuesday in the middle of a month: far from any month end unless moved. */
  public static final Instant START = Instant.parse("2026-03-10T10:00:00Z");

  @Autowired protected MutableClock clock;
  @Autowired protected TestTenants tenants;
  @Autowired protected MockMvc mvc;
  @Autowired protected ApiContractCheck apiContract;

  @Autowired private LoginThrottle loginThrottle;

  @BeforeEach
  void resetClock() {
    clock.set(START);
    // Failed sign-ins of earlier tests (all from 127.0.0.1) must not throttle this one's.
    LoginThrottles.forgetAll(loginThrottle);
  }

  /** Also fails a test whose disagreeing exchange ran on a thread that swallowed the error. */
  @AfterEach
  void everyApiExchangeMatchedTheDocument() {
    List<String> violations = apiContract.drain();
    Map<String, String> oneOfEachReason = new LinkedHashMap<>();
    violations.forEach(v -> oneOfEachReason.putIfAbsent(v.substring(v.indexOf('\n') + 1), v));
    assertThat(oneOfEachReason.values())
        .as(violations.size() + " exchanges disagree with /v3/api-docs; one of each reason")
        .isEmpty();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabase::url);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", () -> "");
    registry.add("billing-center.demo.seed", () -> "never");
    // Tests call the jobs' services with dates; the scheduler would bill "today" behind their back.
    registry.add("db-scheduler.enabled", () -> "false");
    // The embedded SMTP server (H2 without spring.mail.host) on a free port: contexts and builds run side by side.
    registry.add("billing-center.mail.embedded-port", () -> "0");
    // Contexts of different test classes share one database: a dispatcher thread in each would take
    // the others' events (fanned out to its own channels) and send on a clock another test moved.
    // Tests drive delivery with OutboxDispatcher.runOnce() instead.
    registry.add("billing-center.outbox.enabled", () -> "false");
    // Tests read a run's payment attempts and refunds right after it: sent on the committing thread.
    // (Production sends them in the background; BackgroundSendsIT covers that.)
    registry.add("billing-center.payments.sends", () -> "inline");
    registry.add(TestPasswords.PROPERTY, () -> TestPasswords.ITERATIONS);
    // Spring keeps up to 32 test contexts alive, each with a pool: PostgreSQL allows 100 connections,
    // so an idle context keeps one and gives the others back (Hikari retires them after the timeout).
    registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(START);
    }

    @Bean
    TestTenants testTenants(org.springframework.context.ApplicationContext context) {
      return new TestTenants(context);
    }
  }
}
