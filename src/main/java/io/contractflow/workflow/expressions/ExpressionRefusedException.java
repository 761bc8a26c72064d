package io.contractflow.workflow.expressions;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A filter with an expression refused: saved by someone who is not an admin, or run though no admin
 * saved it. Its message is written for the user and names nobody, so the engine surfaces show it
 * (Tasklist too) where other engine errors are reduced to their status.
 */
public class ExpressionRefusedException extends AuthorizationException {

  public ExpressionRefusedException(String message) {
    super(message);
  }

  /**
   * Whether an engine error message is one of these refusals. Camunda's REST API reports every
   * {@link AuthorizationException} with the type {@code AuthorizationException}, so the surfaces
   * know them by their fixed messages (which name nobody).
   */
  public static boolean isRefusal(String message) {
    return GuardedFilterManager.REFUSED_SAVE.equals(message)
        || GuardedFilterManager.REFUSED_EXECUTION.equals(message);
  }
}
