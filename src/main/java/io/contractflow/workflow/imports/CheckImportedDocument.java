package io.contractflow.workflow.imports;

import io.contractflow.imports.ImportSteps;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check imported document": the file passes the same inspection and virus scan as an upload, or is
 * refused for good ({@link #DOCUMENT_REFUSED}); a scanner that cannot be reached is retried.
 */
@Component("checkImportedDocument")
class CheckImportedDocument implements JavaDelegate {

  /** The error a step raises when it refuses the file for good. */
  static final String DOCUMENT_REFUSED = "DOCUMENT_REFUSED";

  private final ImportSteps steps;

  CheckImportedDocument(ImportSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImportSteps.Outcome outcome = steps.check(ProcessVariables.contractId(execution));
    if (outcome.refused()) {
      throw new BpmnError(DOCUMENT_REFUSED, outcome.reason());
    }
  }
}
