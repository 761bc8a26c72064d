package io.contractflow.workflow.retention;

import io.contractflow.retention.ContractsDueForDeletion;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "List contracts due for deletion": the contracts past their retention now, not under legal hold
 * ({@link ContractsDueForDeletion}), as ids for the decision, a count for the gateway and one line
 * each for the admin's form (reference, type, status, end, months kept; no title or party).
 */
@Component
class ListContractsDueForDeletion implements JavaDelegate {

  private final ContractsDueForDeletion due;

  ListContractsDueForDeletion(ContractsDueForDeletion due) {
    this.due = due;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<ContractsDueForDeletion.Due> found = due.list();
    List<String> ids = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (ContractsDueForDeletion.Due contract : found) {
      ids.add(contract.contractId().toString());
      lines
          .append("- **")
          .append(contract.reference())
          .append("** · ")
          .append(contract.type())
          .append(" · ")
          .append(contract.status())
          .append(" on ")
          .append(contract.endedOn())
          .append(" · kept ")
          .append(contract.keepMonths())
          .append(" months · due since ")
          .append(contract.dueOn())
          .append('\n');
    }
    execution.setVariable(RetentionVariables.DUE_CONTRACTS, ids);
    execution.setVariable(RetentionVariables.DUE_COUNT, ids.size());
    execution.setVariable(
        RetentionVariables.DUE_LIST, lines.isEmpty() ? "Nothing is due." : lines.toString());
  }
}
