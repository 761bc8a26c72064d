package io.contractflow.workflow.tasks;

import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Before any user task of a contract's process is created, sets {@code owner} from the contract
 * itself (the process's business key), so the models' {@code camunda:assignee="${owner}"} names the
 * contract's owner even if the variable was changed since the process started. Set on the task's
 * own execution, where the task's expressions look first. A local value that already names the
 * owner is left as it is.
 */
@Component
class OwnerFromContract implements ExecutionListener {

  private final ContractTransitions contracts;

  OwnerFromContract(ContractTransitions contracts) {
    this.contracts = contracts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!ProcessVariables.hasContract(execution)) {
      return;
    }
    String owner = contracts.current(ProcessVariables.contractId(execution)).owner();
    // unchanged (the usual case: copied in when the phase started): no update of the variable, no
    // history entry repeating its value
    if (!owner.equals(execution.getVariableLocal(ProcessVariables.OWNER))) {
      execution.setVariableLocal(ProcessVariables.OWNER, owner);
    }
  }
}
