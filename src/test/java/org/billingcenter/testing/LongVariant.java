package org.billingcenter.testing;

/**
 * The long variants of the fault and attack tests: {@code ./mvnw clean verify -Dbilling.test.long=true}
 * runs them with larger counts than CI's default.
 */
public final class LongVariant {

  private LongVariant() {}

  public static boolean on() {
    return Boolean.parseBoolean(System.getProperty("billing.test.long", "false"));
  }

  public static int pick(int usual, int long_) {
    return on() ? long_ : usual;
  }
}
