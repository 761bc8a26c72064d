package io.contractflow.workflow.retention;

import io.contractflow.retention.RetentionDecisions;
import io.contractflow.retention.RetentionEvidence;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record deletion summary": how many contracts the run deleted and kept (on legal hold, no longer
 * due, gone), from its evidence, into the security log.
 */
@Component
class RecordDeletionSummary implements JavaDelegate {

  private final RetentionEvidence evidence;
  private final RetentionDecisions decisions;

  RecordDeletionSummary(RetentionEvidence evidence, RetentionDecisions decisions) {
    this.evidence = evidence;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String by = ProcessVariables.string(execution, RetentionVariables.CONFIRMED_BY);
    String run = execution.getProcessInstanceId();
    decisions.finished(run, by == null ? Actors.SYSTEM : by, evidence.outcomesOf(run));
  }
}
