package org.billingcenter.account;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Optional;
import org.billingcenter.shared.Rejected;

/**
 * The one rule for a notification address (an admin's, an additional recipient's): what HTML's
 * {@code type=email} accepts, with a dot in the domain, at most 254 characters (RFC 5321's path
 * limit); stored trimmed and in lower case. Bodies and forms carry {@link Valid}; the services
 * check again with {@link #normalised}.
 */
public final class EmailAddress {

  public static final int MAX = 254;

  /** WHATWG's e-mail pattern, ECMA 262 compatible (the OpenAPI document shows it as is). */
  public static final String PATTERN =
      "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
          + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$";

  private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

  private EmailAddress() {}

  /** Empty for a blank address; refused ({@link AccountReason#EMAIL_INVALID}) when not an address. */
  public static Optional<String> normalised(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String address = raw.strip().toLowerCase(Locale.ROOT);
    if (address.length() > MAX || !COMPILED.matcher(address).matches()) {
      throw new Rejected(AccountReason.EMAIL_INVALID);
    }
    return Optional.of(address);
  }

  /** On a field of a body or a form: an address as {@link #PATTERN} says (blank is up to the field). */
  @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = {})
  @Size(max = MAX)
  @Pattern(regexp = "^$|" + PATTERN)
  public @interface Valid {

    String message() default "{error.email_invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }
}
