package io.contractflow.workflow.review;

import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Approve contract": every approver group approved (or none was needed); the contract is APPROVED.
 */
@Component("approveContract")
class ApproveContract implements JavaDelegate {

  private final ContractTransitions transitions;

  ApproveContract(ContractTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    transitions.moveTo(
        ProcessVariables.contractId(execution),
        ContractStatus.APPROVED,
        Actors.SYSTEM,
        "approved in review");
  }
}
