package io.contractflow.workflow.signing;

/**
 * How signing ended ({@link SigningVariables#OUTCOME}): set by the signing's end events, read by
 * the lifecycle.
 */
public enum SigningOutcome {
  SIGNED,
  DECLINED,
  EXPIRED
}
