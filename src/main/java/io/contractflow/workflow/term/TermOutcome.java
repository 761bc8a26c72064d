package io.contractflow.workflow.term;

/**
 * How the term ended ({@link TermVariables#OUTCOME}): set by the term's end events, read by the
 * lifecycle.
 */
public enum TermOutcome {
  EXPIRED,
  TERMINATED,
  RENEWAL_REVIEW
}
