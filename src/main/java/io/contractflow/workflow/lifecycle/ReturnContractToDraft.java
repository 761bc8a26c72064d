package io.contractflow.workflow.lifecycle;

import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Return contract to draft": changes were requested in review, or signing was declined or expired;
 * the contract is a DRAFT again and the lifecycle goes back to drafting. A step of two phases
 * (review and signing), so it lives here, with the lifecycle that contains both: no phase package
 * imports another's delegates.
 */
@Component("returnContractToDraft")
class ReturnContractToDraft implements JavaDelegate {

  private final ContractTransitions transitions;

  ReturnContractToDraft(ContractTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    transitions.moveTo(
        ProcessVariables.contractId(execution),
        ContractStatus.DRAFT,
        Actors.SYSTEM,
        "returned to drafting");
  }
}
