package io.contractflow.workflow.obligation;

/** The owner's answer on the "Record fulfilment" form. */
public enum FulfilmentDecision {
  MET,
  MISSED
}
