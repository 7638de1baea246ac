package org.billingcenter.testing;

/**
 * The test suite's PBKDF2 iterations: the same encoder and hash format as production, with 1,000
 * iterations instead of 310,000. The suite creates thousands of accounts and signs in on every API
 * call, 88 ms each at production's count on the CI's cores. Every context and node of a run must
 * use the same value (the count is not stored in the hash): DatabaseIT, DemoJourney, ServiceNodesIT
 * and the standalone browser and demo tests set it.
 */
public final class TestPasswords {

  public static final String PROPERTY = "billing-center.security.pbkdf2-iterations";
  public static final String ITERATIONS = "1000";

  private TestPasswords() {}
}
