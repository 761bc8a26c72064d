package io.contractflow.workflow.retention;

import io.contractflow.retention.ContractDeletion;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Delete contract": one contract of a confirmed run, in one transaction (its own job: retried on
 * failure, never run by two nodes at once). The platform's stores first ({@link ContractDeletion},
 * which checks again that the contract is due and not under legal hold, and locks it); only if it
 * was deleted there, its processes' runtime and history in the engine ({@link ContractProcesses}),
 * whose counts join the run's evidence of the contract.
 */
@Component
class DeleteContract implements JavaDelegate {

  private final ContractDeletion deletion;
  private final ContractProcesses processes;

  DeleteContract(ContractDeletion deletion, ContractProcesses processes) {
    this.deletion = deletion;
    this.processes = processes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID contractId =
        UUID.fromString(ProcessVariables.string(execution, RetentionVariables.CONTRACT_TO_DELETE));
    String by = ProcessVariables.string(execution, RetentionVariables.CONFIRMED_BY);
    String run = execution.getProcessInstanceId();
    ContractDeletion.Result result =
        deletion.delete(contractId, run, by == null ? Actors.SYSTEM : by);
    if (result.outcome() == ContractDeletion.Outcome.DELETED) {
      deletion.addToEvidence(
          run, contractId, processes.delete(contractId, "deleted by retention run " + run));
    }
  }
}
