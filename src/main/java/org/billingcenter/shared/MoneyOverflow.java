package org.billingcenter.shared;

/**
 * An amount left the range of a {@code long}. {@link Limits} make it impossible from valid input; if
 * it happens anyway (a plan stored before the limits, a tenant with thousands of maximal lines) the
 * operation is refused and rolls back instead of failing as a server error.
 */
public class MoneyOverflow extends ArithmeticException {

  public MoneyOverflow(String operation) {
    super("amount out of range: " + operation);
  }
}
