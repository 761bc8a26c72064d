package io.contractflow.workflow.closure;

import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.term.TermVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Mark contract terminated": by notice at the end date, or early through the API (who and why come
 * from the term). The bean keeps the name the deployed models call it by, {@code
 * terminateContract}.
 */
@Component("terminateContract")
class MarkContractTerminated implements JavaDelegate {

  private final ContractTransitions transitions;

  MarkContractTerminated(ContractTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String by = ProcessVariables.string(execution, TermVariables.TERMINATED_BY);
    String reason = ProcessVariables.string(execution, TermVariables.TERMINATION_REASON);
    transitions.moveTo(
        ProcessVariables.contractId(execution),
        ContractStatus.TERMINATED,
        by == null ? Actors.SYSTEM : by,
        reason == null ? "terminated by notice" : "terminated early: " + reason);
  }
}
