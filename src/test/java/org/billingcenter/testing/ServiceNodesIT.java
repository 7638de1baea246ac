package org.billingcenter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.billingcenter.BillingCenterApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the tests that run the service as separate processes ({@link ServiceNode}s) on one
 * database: this JVM holds a context without a web server to seed data and to read the database
 * afterwards. On H2 the database is a file shared through {@code AUTO_SERVER} (this JVM opens it
 * first, so it serves it); on PostgreSQL it is the suite's database.
 */
@ExtendWith(RequiresDatabase.class)
public abstract class ServiceNodesIT {

  protected static ConfigurableApplicationContext parent;
  protected static JdbcClient jdbc;
  protected static TestTenants tenants;
  /** The database settings every node and command of the test uses. */
  protected static List<String> database;

  @BeforeAll
  static void openDatabase(org.junit.jupiter.api.TestInfo info) throws Exception {
    boolean ha = OnHaCluster.class.isAssignableFrom(info.getTestClass().orElseThrow());
    // Several nodes share one database in production's topology only: PostgreSQL. The PostgreSQL run
    // always runs these; the H2 variant (a file shared through AUTO_SERVER) runs with the long flag,
    // which keeps the default suite within its time.
    Assumptions.assumeTrue(TestDatabase.postgres() || (LongVariant.on() && !ha),
        "several nodes on one H2 file run with -Dbilling.test.long=true; PostgreSQL runs them always"
            + " (and the Patroni cluster's tests, which are PostgreSQL by nature)");
    // H2 gives up on a row lock after 2 s where PostgreSQL waits: a twin request waiting for the
    // first one under a loaded CI machine would read that as a database failure (503).
    String url = ha ? OnHaCluster.url()
        : TestDatabase.postgres()
        ? TestDatabase.url()
        : "jdbc:h2:file:" + Files.createTempDirectory("nodes").resolve("db-" + UUID.randomUUID()).toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;LOCK_TIMEOUT=20000";
    database = List.of(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + TestDatabase.user(),
        "--db-scheduler.enabled=false",
        "--" + TestPasswords.PROPERTY + "=" + TestPasswords.ITERATIONS);
    List<String> args = new ArrayList<>(database);
    args.add("--billing-center.demo.seed=never");
    // This JVM only seeds and reads; delivering the outbox is the nodes' job.
    args.add("--billing-center.outbox.enabled=false");
    // It reads a run's collections right after running it; the nodes send in the background, as in production.
    args.add("--billing-center.payments.sends=inline");
    parent = new SpringApplicationBuilder(BillingCenterApplication.class)
        .web(WebApplicationType.NONE).run(args.toArray(String[]::new));
    jdbc = parent.getBean(JdbcClient.class);
    tenants = new TestTenants(parent);
  }

  @AfterAll
  static void closeDatabase() {
    if (parent != null) {
      parent.close();
    }
  }

  /** Settings for a node: the database plus {@code extra}. */
  protected static List<String> settings(String... extra) {
    List<String> all = new ArrayList<>(database);
    all.addAll(List.of(extra));
    return all;
  }

  /**
   * API passwords are checked on every request: the fault loads use a real bcrypt hash at its lowest
   * cost (4), which the service verifies like any other, so the time goes to the faults under test.
   */
  protected static void cheapPassword(TestTenants.Given tenant) {
    jdbc.sql("update admin_account set password_hash = :h where tenant_id = :t and username = :u")
        .param("h", "{bcrypt}" + new BCryptPasswordEncoder(4).encode(tenant.password())).param("t", tenant.id().value()).param("u", tenant.admin())
        .update();
  }

  /** Tenants, each with cancellable subscriptions, and one cancellation request per subscription. */
  protected record Cancellable(List<UUID> tenants, List<CancelTraffic.Target> targets) {}

  protected static Cancellable cancellable(int tenantCount, int perTenant, String keyPrefix) {
    List<UUID> ids = new ArrayList<>();
    List<CancelTraffic.Target> targets = new ArrayList<>();
    for (int t = 0; t < tenantCount; t++) {
      TestTenants.Given tenant = tenants.tenant(0);
      cheapPassword(tenant);
      ids.add(tenant.id().value());
      for (int s = 0; s < perTenant; s++) {
        targets.add(new CancelTraffic.Target(tenant.admin(), tenant.password(),
            tenants.subscription(tenant, 2, 0).id().toString(), keyPrefix + UUID.randomUUID()));
      }
    }
    return new Cancellable(ids, targets);
  }

  /**
   * The database against the client's record after a fault under a cancellation load: every target
   * cancelled once, with one credit and one audit row, and the pending credits exactly the ones the
   * client was told of in its acknowledged answers.
   */
  protected static void reconciled(List<UUID> tenantIds, int targets, CancelTraffic client) {
    assertThat(cancelled(tenantIds)).isEqualTo(targets);
    assertThat(perSubscriptionMoreThanOnce("cancellation", tenantIds)).isZero();
    assertThat(perSubscriptionMoreThanOnce("credit", tenantIds)).isZero();
    assertThat(countOver(tenantIds, "select count(*) from audit_event where tenant_id in (:tenants) "
        + "and action = 'SUBSCRIPTION_CANCELLED'")).isEqualTo(targets);
    long acknowledgedCredit = client.acknowledged().values().stream().mapToLong(CancelTraffic.Answer::creditMinor).sum();
    assertThat(acknowledgedCredit).isPositive();
    assertThat(countOver(tenantIds,
            "select coalesce(sum(amount_minor), 0) from credit where tenant_id in (:tenants) and status = 'PENDING'"))
        .as("the credits in the database are the ones the client was told of").isEqualTo(acknowledgedCredit);
  }

  /** Subscriptions of these tenants cancelled now (a cancellation now disables the subscription). */
  protected static long cancelled(List<UUID> tenantIds) {
    return countOver(tenantIds, "select count(*) from subscription where tenant_id in (:tenants) and status = 'DISABLED'");
  }

  /** Subscriptions of these tenants with more than one row in {@code table}: what must never happen. */
  protected static long perSubscriptionMoreThanOnce(String table, List<UUID> tenantIds) {
    return countOver(tenantIds, "select count(*) from (select subscription_id from " + table
        + " where tenant_id in (:tenants) group by tenant_id, subscription_id having count(*) > 1) x");
  }

  /** A count over these tenants' rows: {@code :tenants} in the SQL stands for their ids. */
  protected static long countOver(List<UUID> tenantIds, String sql, Object... more) {
    List<Object> params = new ArrayList<>(tenantIds);
    params.addAll(List.of(more));
    return count(sql.replace(":tenants", String.join(", ", java.util.Collections.nCopies(tenantIds.size(), "?"))),
        params.toArray());
  }

  protected static long count(String sql, Object... params) {
    var statement = jdbc.sql(sql);
    for (Object p : params) {
      statement = statement.param(p);
    }
    return statement.query(Long.class).single();
  }
}
