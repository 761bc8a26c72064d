package io.contractflow.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An ISO 4217 currency code that the JDK knows and that is real money (not XXX, XTS or a metal).
 */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Iso4217CurrencyValidator.class)
public @interface Iso4217Currency {
  String message() default "must be an ISO 4217 currency code such as EUR or USD";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
