package org.billingcenter.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks the chosen database before a class loads its Spring context. Without a PostgreSQL server
 * the PostgreSQL run is skipped with a loud notice, except under CI ({@code CI=true}), where it
 * fails: CI must never pass without having run the PostgreSQL suite.
 */
public class RequiresDatabase implements BeforeAllCallback {

  private static volatile String problem;
  private static volatile boolean checked;

  static java.util.Optional<String> skipReason() {
    return checked ? java.util.Optional.ofNullable(problem) : java.util.Optional.empty();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!TestDatabase.postgres()) {
      return;
    }
    if (!checked) {
      problem = TestDatabase.postgresProblem();
      checked = true;
      if (problem != null) {
        System.err.printf(
            "%n*** PostgreSQL suite did NOT run: no server at %s (%s). ***%n%n",
            TestDatabase.url(), problem);
      }
    }
    if (problem != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "CI=true but PostgreSQL is unreachable at " + TestDatabase.url() + ": " + problem);
      }
      Assumptions.abort("PostgreSQL suite did not run: " + problem);
    }
  }
}
