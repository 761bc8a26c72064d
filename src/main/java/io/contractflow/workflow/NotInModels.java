package io.contractflow.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a variable name of a {@code <Phase>Variables} class: no model or form names this variable,
 * only Java does (say why). {@code ModelVocabularyTest} fails on any other constant that no model
 * or form uses, and on one marked so that a model does use.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface NotInModels {

  /** Why only Java needs it. */
  String value();
}
