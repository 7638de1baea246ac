package org.billingcenter.shared;

/**
 * A reason a request was refused, as a stable code. Adapters turn the code into a localised message
 * ({@code error.<code>} in the bundles) and an HTTP status from the {@link Kind}.
 */
public interface Reason {

  /** What kind of refusal: decides the HTTP status at the edge. */
  enum Kind {
    NOT_FOUND,
    INVALID,
    CONFLICT,
    FORBIDDEN
  }

  /** Reason enums get this from {@link Enum}. */
  String name();

  Kind kind();

  /** The stable code clients can rely on: the constant's name. */
  default String code() {
    return name();
  }
}
