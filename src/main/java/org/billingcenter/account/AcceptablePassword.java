package org.billingcenter.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * On a request body that creates an account ({@link NewCredentials}): its password passes the
 * {@link PasswordPolicy}, else a field error on {@code password} with the policy's reason, in the
 * caller's language. The account service checks the same policy again for every other path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Validator.class)
public @interface AcceptablePassword {

  String message() default "{error.validation_failed}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Spring creates it, so the policy bean (and its shipped list, read once) is injected. */
  final class Validator implements ConstraintValidator<AcceptablePassword, NewCredentials> {

    private final PasswordPolicy policy;

    Validator(PasswordPolicy policy) {
      this.policy = policy;
    }

    @Override
    public boolean isValid(NewCredentials credentials, ConstraintValidatorContext context) {
      if (credentials == null || credentials.password() == null) {
        return true; // @NotNull on the field says so
      }
      return policy
          .check(credentials.username(), credentials.password())
          .map(
              reason -> {
                context.disableDefaultConstraintViolation();
                context
                    .buildConstraintViolationWithTemplate("{error." + reason.code().toLowerCase(Locale.ROOT) + "}")
                    .addPropertyNode("password")
                    .addConstraintViolation();
                return false;
              })
          .orElse(true);
    }
  }
}
