package io.contractflow.workflow.obligation;

import io.contractflow.obligation.InstalmentStatus;
import io.contractflow.obligation.Obligations;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record waiver": an admin waived the instalment (the InstalmentWaived message, sent only by the
 * API's waive after it checked the caller is an admin); settles it as waived with the reason.
 */
@Component("recordWaiver")
class RecordWaiver implements JavaDelegate {

  private final Obligations obligations;

  RecordWaiver(Obligations obligations) {
    this.obligations = obligations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Obligations.Due due = InstalmentOf.read(obligations, execution);
    InstalmentStatus settled =
        obligations.settle(
            due.instalment().id(),
            InstalmentStatus.WAIVED,
            ProcessVariables.string(execution, ObligationVariables.WAIVED_BY),
            null,
            ProcessVariables.string(execution, ObligationVariables.WAIVER_REASON));
    execution.setVariable(ObligationVariables.OUTCOME, settled.name());
  }
}
