package io.contractflow.workflow.term;

import io.contractflow.workflow.TaskDecision;

/**
 * The owner's decision on a renewal ({@link TermVariables#RENEWAL_DECISION}); none needs a reason.
 */
public enum RenewalDecision implements TaskDecision {
  RENEW,
  RENEW_WITH_REVIEW,
  TERMINATE;

  @Override
  public boolean needsReason() {
    return false;
  }
}
