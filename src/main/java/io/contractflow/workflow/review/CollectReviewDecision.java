package io.contractflow.workflow.review;

import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.TaskRefusedException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Takes one reviewer's decision (kept local to their task) into the review: a rejection or a
 * request for changes ends the review for everyone (the multi-instance completion condition reads
 * these flags). Which decisions exist and which need a comment, so the owner learns why, is {@link
 * ReviewDecision}'s to say.
 */
@Component("collectReviewDecision")
class CollectReviewDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ReviewDecision decision =
        ReviewDecision.of(ProcessVariables.string(task, ReviewVariables.DECISION))
            .orElseThrow(
                () ->
                    new TaskRefusedException(
                        "Choose a decision: "
                            + ReviewDecision.all().stream()
                                .map(Enum::name)
                                .collect(Collectors.joining(", "))));
    String comment = ProcessVariables.string(task, ProcessVariables.COMMENT);
    if (decision.needsReason() && (comment == null || comment.isBlank())) {
      throw new TaskRefusedException(
          "Say why in a comment when you "
              + (decision == ReviewDecision.REJECT ? "reject the contract" : "request changes"));
    }
    if (decision == ReviewDecision.REJECT) {
      task.getExecution().getProcessInstance().setVariable(ReviewVariables.REJECTED, true);
    } else if (decision == ReviewDecision.REQUEST_CHANGES) {
      task.getExecution().getProcessInstance().setVariable(ReviewVariables.CHANGES_REQUESTED, true);
    }
  }
}
