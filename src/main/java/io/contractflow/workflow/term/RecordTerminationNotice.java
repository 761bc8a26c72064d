package io.contractflow.workflow.term;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record termination notice": the owner gave notice; the contract ends at its end date as
 * TERMINATED.
 */
@Component("recordTerminationNotice")
class RecordTerminationNotice implements JavaDelegate {

  private final AuditTrail audit;

  RecordTerminationNotice(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String endsOn = ProcessVariables.string(execution, TermVariables.TERM_ENDS_ON);
    audit.record(
        ProcessVariables.contractId(execution),
        Actors.SYSTEM,
        AuditKinds.TERMINATION_NOTICE,
        "Notice given: the contract terminates at the end of " + endsOn,
        Map.of("endDate", endsOn));
  }
}
