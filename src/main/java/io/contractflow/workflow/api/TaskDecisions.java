package io.contractflow.workflow.api;

import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What completing each kind of task takes through the API, checked before the engine is asked, so a bad request is
 * a 400 that names the field, never an engine error.
 */
final class TaskDecisions {

  static final String SUBMIT_DRAFT = "Task_SubmitDraft";
  static final String REVIEW = "Task_ReviewContract";
  static final String RENEWAL = "Task_DecideRenewal";

  private static final Map<String, List<String>> DECISIONS = Map.of(
      SUBMIT_DRAFT, List.of(),
      REVIEW, List.of("APPROVE", "REQUEST_CHANGES", "REJECT"),
      RENEWAL, List.of("RENEW", "RENEW_WITH_REVIEW", "TERMINATE"));

  private TaskDecisions() {}

  static List<String> decisionsFor(String taskKey) {
    return DECISIONS.getOrDefault(taskKey, List.of());
  }

  /** The variables to complete the task with. */
  static Map<String, Object> variables(String taskKey, CompleteTaskRequest request) {
    if (!DECISIONS.containsKey(taskKey)) {
      throw new ConflictException("This task (" + taskKey + ") is not completed through the contract API; use Tasklist");
    }
    Map<String, Object> variables = new HashMap<>();
    String comment = request.comment() == null ? "" : request.comment().strip();
    variables.put("comment", comment);
    List<String> allowed = DECISIONS.get(taskKey);
    if (allowed.isEmpty()) {
      if (request.decision() != null) {
        throw InvalidInputException.field("decision", "is not asked by this task");
      }
      variables.put("nonStandardTerms", Boolean.TRUE.equals(request.nonStandardTerms()));
      return variables;
    }
    if (request.decision() == null || !allowed.contains(request.decision())) {
      throw InvalidInputException.field("decision", "must be one of " + String.join(", ", allowed));
    }
    if (request.nonStandardTerms() != null) {
      throw InvalidInputException.field("nonStandardTerms", "is not asked by this task");
    }
    boolean needsReason = List.of("REJECT", "REQUEST_CHANGES").contains(request.decision());
    if (needsReason && comment.isEmpty()) {
      throw InvalidInputException.field("comment", "must say why when the decision is " + request.decision());
    }
    variables.put(RENEWAL.equals(taskKey) ? "renewalDecision" : "decision", request.decision());
    return variables;
  }
}
