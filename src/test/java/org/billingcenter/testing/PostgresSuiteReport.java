package org.billingcenter.testing;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Repeats, as the last words of the run, that the PostgreSQL suite was skipped, if it was. */
public class PostgresSuiteReport implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    RequiresDatabase.skipReason()
        .ifPresent(
            why ->
                System.err.printf(
                    "%n*** PostgreSQL suite did NOT run (%s). Only H2 was tested. ***%n%n", why));
  }
}
