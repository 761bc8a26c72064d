package io.contractflow.workflow.api;

import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.TaskDecision;
import io.contractflow.workflow.drafting.DraftingVariables;
import io.contractflow.workflow.review.ReviewDecision;
import io.contractflow.workflow.review.ReviewVariables;
import io.contractflow.workflow.term.RenewalDecision;
import io.contractflow.workflow.term.TermVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What completing each kind of task takes through the API, checked before the engine is asked, so a
 * bad request is a 400 that names the field, never an engine error. Which decisions a task offers,
 * which need a reason and the variable a decision goes in are the phases' ({@link ReviewDecision},
 * {@link RenewalDecision}, their {@code *Variables}); this class only maps their answers to the
 * API's problems.
 */
final class TaskDecisions {

  /**
   * What a task asks for: the variable its decision goes in (none for a plain submit) and the
   * decisions.
   */
  private record Asked(String variable, List<? extends TaskDecision> decisions) {}

  private static final Map<String, Asked> ASKED =
      Map.of(
          DraftingVariables.TASK_SUBMIT_DRAFT, new Asked(null, List.of()),
          ReviewVariables.TASK_REVIEW_CONTRACT,
              new Asked(ReviewVariables.DECISION, ReviewDecision.all()),
          TermVariables.TASK_DECIDE_RENEWAL,
              new Asked(TermVariables.RENEWAL_DECISION, List.of(RenewalDecision.values())));

  private TaskDecisions() {}

  static List<String> decisionsFor(String taskKey) {
    Asked asked = ASKED.get(taskKey);
    return asked == null ? List.of() : asked.decisions().stream().map(TaskDecision::name).toList();
  }

  /** The variables to complete the task with. */
  static Map<String, Object> variables(String taskKey, CompleteTaskRequest request) {
    Asked asked = ASKED.get(taskKey);
    if (asked == null) {
      throw new ConflictException(
          "This task (" + taskKey + ") is not completed through the contract API; use Tasklist");
    }
    Map<String, Object> variables = new HashMap<>();
    String comment = request.comment() == null ? "" : request.comment().strip();
    variables.put(ProcessVariables.COMMENT, comment);
    if (asked.variable() == null) {
      if (request.decision() != null) {
        throw InvalidInputException.field("decision", "is not asked by this task");
      }
      variables.put(
          DraftingVariables.NON_STANDARD_TERMS, Boolean.TRUE.equals(request.nonStandardTerms()));
      return variables;
    }
    TaskDecision decision =
        asked.decisions().stream()
            .filter(d -> d.name().equals(request.decision()))
            .findFirst()
            .orElseThrow(
                () ->
                    InvalidInputException.field(
                        "decision", "must be one of " + String.join(", ", decisionsFor(taskKey))));
    if (request.nonStandardTerms() != null) {
      throw InvalidInputException.field("nonStandardTerms", "is not asked by this task");
    }
    if (decision.needsReason() && comment.isEmpty()) {
      throw InvalidInputException.field(
          "comment", "must say why when the decision is " + decision.name());
    }
    variables.put(asked.variable(), decision.name());
    return variables;
  }
}
