package io.contractflow.workflow.imports;

import io.contractflow.imports.ImportSteps;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Create imported contract": the draft of the file's facts with the file as its document, and the
 * verify form's values; or the contract of the same file imported before ({@link
 * ImportVariables#DUPLICATE}); or the file refused for good when its facts cannot make a contract.
 */
@Component("createImportedContract")
class CreateImportedContract implements JavaDelegate {

  private final ImportSteps steps;

  CreateImportedContract(ImportSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImportSteps.Created created = steps.create(ProcessVariables.contractId(execution));
    if (created.refusal() != null) {
      throw new BpmnError(CheckImportedDocument.DOCUMENT_REFUSED, created.refusal());
    }
    execution.setVariable(ImportVariables.DUPLICATE, created.duplicate());
    if (created.reference() != null) {
      execution.setVariable(ProcessVariables.REFERENCE, created.reference());
    }
    created.formValues().forEach(execution::setVariable);
  }
}
