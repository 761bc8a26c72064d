package io.contractflow.workflow.expressions;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A filter with an expression refused: saved by someone who is not an admin, or run though no admin saved it. Its
 * message is written for the user, so the engine surfaces show it (Tasklist too) where other engine errors are
 * reduced to their status.
 */
public class ExpressionRefusedException extends AuthorizationException {

  public ExpressionRefusedException(String message) {
    super(message);
  }
}
