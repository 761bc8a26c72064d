package io.contractflow.workflow.imports;

import io.contractflow.imports.ImportSteps;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Extract imported facts": the file's text, the facts in it, its CSV row's facts on top. */
@Component("extractImportedFacts")
class ExtractImportedFacts implements JavaDelegate {

  private final ImportSteps steps;

  ExtractImportedFacts(ImportSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.extractFacts(ProcessVariables.contractId(execution));
  }
}
