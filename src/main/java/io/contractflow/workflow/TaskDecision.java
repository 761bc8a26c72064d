package io.contractflow.workflow;

/**
 * One of the decisions a user task asks for (its form's radio, the API's {@code decision}):
 * implemented by each phase's decision enum ({@code review.ReviewDecision}, {@code
 * term.RenewalDecision}), which is the only place that says which decisions exist and which of them
 * need a reason.
 */
public interface TaskDecision {

  String name();

  /** Whether the decision needs a comment saying why. */
  boolean needsReason();
}
