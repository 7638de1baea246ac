package org.billingcenter.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by a service when a rule refuses a command, so the surrounding transaction rolls back and
 * nothing changes. Carries the reason code and the arguments its message needs.
 */
public class Rejected extends RuntimeException {

  private final transient Reason reason;
  private final transient List<Object> arguments;
  private final transient Map<String, Object> extensions = new LinkedHashMap<>();

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

  /**
   * A value the caller's program needs beside the sentence (e.g. how many licenses to unassign
   * first): the API adds it to the problem as an RFC 9457 extension member.
   */
  public Rejected with(String member, Object value) {
    extensions.put(member, value);
    return this;
  }

  public Map<String, Object> extensions() {
    return Collections.unmodifiableMap(extensions);
  }
}
