package io.contractflow.workflow.imports;

import io.contractflow.imports.ImportSteps;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Apply verified facts": the values the owner confirmed become the contract's (the changes go to
 * its trail), and whether its term has already ended.
 */
@Component("applyVerifiedFacts")
class ApplyVerifiedFacts implements JavaDelegate {

  private final ImportSteps steps;

  ApplyVerifiedFacts(ImportSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean ended =
        steps.applyVerified(
            ProcessVariables.contractId(execution),
            execution.getVariables(),
            ProcessVariables.string(execution, ImportVariables.VERIFIED_BY));
    execution.setVariable(ImportVariables.TERM_ENDED, ended);
  }
}
