package io.contractflow.workflow.review;

/**
 * How a review ended ({@link ReviewVariables#OUTCOME}): set by the review's end events, read by the
 * lifecycle.
 */
public enum ReviewOutcome {
  APPROVED,
  REJECTED,
  CHANGES_REQUESTED
}
