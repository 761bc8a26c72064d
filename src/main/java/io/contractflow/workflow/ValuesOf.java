package io.contractflow.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a variable name of a {@code <Phase>Variables} class: the values the variable takes are the
 * constants of this enum (a decision or an outcome). {@code ModelVocabularyTest} fails when a model
 * or form compares the variable with, sets it to or offers another value, and when a constant of
 * the enum appears in no model or form.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ValuesOf {

  Class<? extends Enum<?>> value();
}
