package org.billingcenter.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A sentence to be said in the reader's language: its bundle key and the values it needs, kept as
 * values (dates, money, numbers, enums) so the edge formats them for the reader, never the rule.
 */
public record Message(String key, List<Object> arguments) {

  public Message {
    // Arguments may be null (an unknown date shows as a dash), so no List.copyOf.
    arguments = Collections.unmodifiableList(Arrays.asList(arguments.toArray()));
  }

  public static Message of(String key, Object... arguments) {
    return new Message(key, Arrays.asList(arguments));
  }
}
