package io.contractflow.workflow;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task listener refused a claim or a completion for a business reason (four eyes, a missing
 * decision or document). Tasklist shows the message; the process API turns it into a 4xx problem.
 * Nothing of the refused step is stored.
 */
public class TaskRefusedException extends ProcessEngineException {

  public TaskRefusedException(String message) {
    super(message);
  }
}
