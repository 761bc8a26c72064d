package io.contractflow.workflow;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A timing the model states as an input parameter of its step (an ISO 8601 duration a designer sees
 * and changes in Modeler), which an operator's setting overrides when set: the setting if set, else
 * the model's parameter, else the built-in default.
 */
public final class ModelledDuration {

  private ModelledDuration() {}

  public static Duration of(
      DelegateExecution execution, Duration setting, String parameter, Duration fallback) {
    if (setting != null) {
      return setting;
    }
    Object modelled = execution.getVariableLocal(parameter);
    if (modelled == null || modelled.toString().isBlank()) {
      return fallback;
    }
    try {
      return Duration.parse(modelled.toString().strip());
    } catch (DateTimeParseException notADuration) {
      throw new IllegalStateException(
          "The model's " + parameter + " is no ISO 8601 duration: " + modelled);
    }
  }
}
