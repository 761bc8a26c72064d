package io.contractflow.workflow.term;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Activate contract": signed, so ACTIVE; and whether it has a fixed term to plan. */
@Component("activateContract")
class ActivateContract implements JavaDelegate {

  private final ContractTransitions transitions;

  ActivateContract(ContractTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractResponse contract =
        transitions.moveTo(
            ProcessVariables.contractId(execution),
            ContractStatus.ACTIVE,
            Actors.SYSTEM,
            "signed by all signers");
    execution.setVariable(TermVariables.HAS_END_DATE, contract.endDate() != null);
  }
}
