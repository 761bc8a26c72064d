package io.contractflow.workflow.steps;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The values a step's template configures: the input parameters of the element (local variables of
 * its execution, their expressions resolved by the engine when the element starts).
 */
final class StepInputs {

  private StepInputs() {}

  /** The value, or null when the parameter is missing or blank. */
  static String optional(VariableScope scope, String name) {
    Object value = scope.getVariableLocal(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  /**
   * The value of a required parameter.
   *
   * @throws IllegalStateException when it is missing (an incident names it)
   */
  static String required(VariableScope scope, String name) {
    String value = optional(scope, name);
    if (value == null) {
      throw new IllegalStateException("The step's input parameter '" + name + "' is empty");
    }
    return value;
  }

  /** Whether a configured value is an expression the engine resolves only at run time. */
  static boolean isExpression(String value) {
    return value != null && (value.contains("${") || value.contains("#{"));
  }
}
