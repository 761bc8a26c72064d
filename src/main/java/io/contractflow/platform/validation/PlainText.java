package io.contractflow.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text that reads as it looks: no control characters (C0, DEL, C1; tab, line feed and carriage
 * return only in {@link #multiline()} text), no bidirectional overrides or isolates (U+202A–U+202E,
 * U+2066–U+2069, U+061C) that make a title display differently from what it says, and no invisible
 * characters (U+200B, U+200E, U+200F, U+2060–U+2064, U+FEFF, U+2028, U+2029) that make two names
 * look alike. The zero-width joiners U+200C and U+200D are allowed: Persian and Indic words and
 * emoji sequences are written with them. Null is left to {@code @NotNull}.
 */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextValidator.class)
public @interface PlainText {

  String message() default
      "must not contain control characters, bidirectional overrides or invisible characters";

  /** Whether tab, line feed and carriage return are allowed (descriptions, comments). */
  boolean multiline() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
