package io.contractflow.workflow.retention;

/** The admin's answer on the "Confirm deletion" form. */
public enum RetentionDecision {
  CONFIRM,
  REJECT
}
