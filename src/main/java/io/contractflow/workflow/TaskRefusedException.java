package io.contractflow.workflow;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task listener refused a claim or a completion for a business reason (four eyes, a missing
 * decision or document). Tasklist shows the message; the process API turns it into a 4xx problem.
 * Nothing of the refused step is stored.
 */
public class TaskRefusedException extends ProcessEngineException {

  private final String field;

  public TaskRefusedException(String message) {
    this(null, message);
  }

  /**
   * A refusal because one of the form's fields holds a bad value: the process API answers 400 with
   * that field named rather than 409.
   */
  public TaskRefusedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field at fault, or null when the refusal is about the task's state. */
  public String field() {
    return field;
  }
}
