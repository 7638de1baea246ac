package org.billingcenter.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

/**
 * An ISO 4217 code that {@link java.util.Currency} knows and that has a minor unit (not XAU, XXX):
 * what {@link org.billingcenter.shared.Money} can hold. Null is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = KnownCurrency.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownCurrency {

  String message() default "{validation.currency.unknown}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Looks the code up in the JDK's ISO 4217 table. */
  class Check implements ConstraintValidator<KnownCurrency, String> {
    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
      if (code == null) {
        return true;
      }
      try {
        return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }
}
