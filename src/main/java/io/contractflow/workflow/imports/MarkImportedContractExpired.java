package io.contractflow.workflow.imports;

import io.contractflow.imports.ImportSteps;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Mark imported contract expired": its end date passed before it was imported, so it is EXPIRED at
 * once, with the reason in its trail; no lifecycle runs for it.
 */
@Component("markImportedContractExpired")
class MarkImportedContractExpired implements JavaDelegate {

  private final ImportSteps steps;

  MarkImportedContractExpired(ImportSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.expire(
        ProcessVariables.contractId(execution),
        ProcessVariables.string(execution, ImportVariables.VERIFIED_BY));
  }
}
