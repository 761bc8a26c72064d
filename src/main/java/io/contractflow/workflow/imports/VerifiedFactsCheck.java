package io.contractflow.workflow.imports;

import io.contractflow.imports.ImportSteps;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.TaskRefusedException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Before "Verify imported contract" completes: every fact read with too little confidence is
 * confirmed by its box, and the values make a contract. Records who verified.
 */
@Component("verifiedFactsCheck")
class VerifiedFactsCheck implements TaskListener {

  private final ImportSteps steps;

  VerifiedFactsCheck(ImportSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> refusals = steps.refusals(ProcessVariables.contractId(task), task.getVariables());
    if (!refusals.isEmpty()) {
      throw new TaskRefusedException(
          "Confirm or correct before completing: " + String.join("; ", refusals));
    }
    task.getExecution()
        .getProcessInstance()
        .setVariable(
            ImportVariables.VERIFIED_BY,
            Actors.current(
                task.getProcessEngineServices().getIdentityService(), task.getAssignee()));
  }
}
