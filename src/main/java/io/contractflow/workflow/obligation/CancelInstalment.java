package io.contractflow.workflow.obligation;

import io.contractflow.obligation.InstalmentStatus;
import io.contractflow.obligation.Obligations;
import io.contractflow.workflow.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Cancel instalment": the contract ended while the instalment was open; it is cancelled. */
@Component("cancelInstalment")
class CancelInstalment implements JavaDelegate {

  private final Obligations obligations;

  CancelInstalment(Obligations obligations) {
    this.obligations = obligations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Obligations.Due due = InstalmentOf.read(obligations, execution);
    InstalmentStatus settled =
        obligations.settle(
            due.instalment().id(),
            InstalmentStatus.CANCELLED,
            Actors.SYSTEM,
            null,
            "the contract ended");
    execution.setVariable(ObligationVariables.OUTCOME, settled.name());
  }
}
