package io.contractflow.workflow.obligation;

import io.contractflow.obligation.Obligations;
import io.contractflow.workflow.ProcessVariables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The instalment an execution runs, checked against the contract of its business key, so a changed
 * variable cannot point a step at another contract's instalment.
 */
final class InstalmentOf {

  private InstalmentOf() {}

  static Obligations.Due read(Obligations obligations, DelegateExecution execution) {
    UUID contractId = ProcessVariables.contractId(execution);
    Object id = execution.getVariable(ObligationVariables.INSTALMENT_ID);
    if (id == null) {
      throw new IllegalStateException("The process names no instalment");
    }
    Obligations.Due due =
        obligations
            .due(UUID.fromString(id.toString()))
            .orElseThrow(() -> new IllegalStateException("No instalment " + id));
    if (!due.instalment().contractId().equals(contractId)) {
      throw new IllegalStateException(
          "Instalment " + id + " does not belong to contract " + contractId);
    }
    return due;
  }
}
