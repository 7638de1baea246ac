package org.billingcenter.shared;

import java.util.List;

/**
 * Thrown by a service when a rule refuses a command, so the surrounding transaction rolls back and
 * nothing changes. Carries the reason code and the arguments its message needs.
 */
public class Rejected extends RuntimeException {

  private final transient Reason reason;
  private final transient List<Object> arguments;

  public Rejected(Reason reason, Object... arguments) {
    super(reason.code());
    this.reason = reason;
    this.arguments = List.of(arguments);
  }

  public Reason reason() {
    return reason;
  }

  public List<Object> arguments() {
    return arguments;
  }
}
