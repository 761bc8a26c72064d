package io.contractflow.workflow.drafting;

import io.contractflow.document.CurrentDocument;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.TaskRefusedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Before a draft leaves drafting: it needs a document to review (uploaded or generated from a
 * template). Records who submitted it, which the review uses as the actor of its first step.
 */
@Component("draftSubmissionCheck")
class DraftSubmissionCheck implements TaskListener {

  private final CurrentDocument documents;

  DraftSubmissionCheck(CurrentDocument documents) {
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    if (documents.of(ProcessVariables.contractId(task)).isEmpty()) {
      throw new TaskRefusedException(
          "Contract "
              + ProcessVariables.string(task, ProcessVariables.REFERENCE)
              + " has no document yet: upload one or generate it from a template, then submit");
    }
    task.getExecution()
        .getProcessInstance()
        .setVariable(
            DraftingVariables.SUBMITTED_BY,
            Actors.current(
                task.getProcessEngineServices().getIdentityService(), task.getAssignee()));
    if (task.getVariable(DraftingVariables.NON_STANDARD_TERMS) == null) {
      task.getExecution()
          .getProcessInstance()
          .setVariable(DraftingVariables.NON_STANDARD_TERMS, false);
    }
  }
}
