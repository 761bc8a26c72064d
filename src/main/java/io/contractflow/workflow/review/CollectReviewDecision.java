package io.contractflow.workflow.review;

import io.contractflow.workflow.TaskRefusedException;
import io.contractflow.workflow.Variables;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Takes one reviewer's decision (kept local to their task) into the review: a rejection or a request for changes
 * ends the review for everyone (the multi-instance completion condition reads these flags). A decision other than
 * approval needs a comment, so the owner learns why.
 */
@Component("collectReviewDecision")
class CollectReviewDecision implements TaskListener {

  static final Set<String> DECISIONS = Set.of("APPROVE", "REJECT", "REQUEST_CHANGES");

  @Override
  public void notify(DelegateTask task) {
    String decision = Variables.string(task, "decision");
    if (decision == null || !DECISIONS.contains(decision)) {
      throw new TaskRefusedException("Choose a decision: APPROVE, REJECT or REQUEST_CHANGES");
    }
    String comment = Variables.string(task, "comment");
    if (!"APPROVE".equals(decision) && (comment == null || comment.isBlank())) {
      throw new TaskRefusedException("Say why in a comment when you " + ("REJECT".equals(decision)
          ? "reject the contract" : "request changes"));
    }
    if ("REJECT".equals(decision)) {
      task.getExecution().getProcessInstance().setVariable("rejected", true);
    } else if ("REQUEST_CHANGES".equals(decision)) {
      task.getExecution().getProcessInstance().setVariable("changesRequested", true);
    }
  }
}
