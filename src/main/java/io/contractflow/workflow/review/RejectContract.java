package io.contractflow.workflow.review;

import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Reject contract": an approver rejected it; the contract is REJECTED and the lifecycle ends. */
@Component("rejectContract")
class RejectContract implements JavaDelegate {

  private final ContractTransitions transitions;

  RejectContract(ContractTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    transitions.moveTo(
        ProcessVariables.contractId(execution),
        ContractStatus.REJECTED,
        Actors.SYSTEM,
        "rejected in review");
  }
}
