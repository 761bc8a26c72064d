package io.contractflow.workflow.closure;

import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Mark contract expired": the term ran out without renewal. The bean keeps the name the deployed
 * models call it by, {@code expireContract}.
 */
@Component("expireContract")
class MarkContractExpired implements JavaDelegate {

  private final ContractTransitions transitions;

  MarkContractExpired(ContractTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    transitions.moveTo(
        ProcessVariables.contractId(execution),
        ContractStatus.EXPIRED,
        Actors.SYSTEM,
        "the term ended without renewal");
  }
}
