package io.contractflow.workflow.steps;

import java.util.List;
import java.util.Map;

/**
 * A platform step that a process designer places from an element template in {@code
 * processes/element-templates/} and configures with its input parameters, instead of asking for a
 * new delegate. The deployment checks ({@code workflow.deployment}) give each element that uses the
 * step's template its configured values (the ones that are no expression) to {@link #check}, and
 * refuse the deployment when the step says they are wrong.
 */
public interface TemplatedStep {

  /** The template's id ({@code camunda:modelerTemplate} on the elements that use it). */
  String templateId();

  /**
   * What is wrong with these values, in words (empty when nothing is). Values that are expressions
   * ({@code ${...}}) are left out: they are known only when the step runs, and checked then.
   */
  List<String> check(Map<String, String> values);
}
