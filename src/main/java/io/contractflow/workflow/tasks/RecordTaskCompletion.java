package io.contractflow.workflow.tasks;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.drafting.DraftingVariables;
import io.contractflow.workflow.review.ReviewVariables;
import io.contractflow.workflow.term.TermVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Writes every completed user task to the contract's history: which task, who completed it, their
 * decision and comment. Runs after the model's own listeners, so a refused completion records
 * nothing.
 */
@Component
class RecordTaskCompletion implements TaskListener {

  /** The form fields that carry a decision, in the order they are looked for. */
  static final List<String> DECISION_FIELDS =
      List.of(ReviewVariables.DECISION, TermVariables.RENEWAL_DECISION);

  private final AuditTrail audit;

  RecordTaskCompletion(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!ProcessVariables.hasContract(task)) {
      return;
    }
    String actor =
        Actors.current(task.getProcessEngineServices().getIdentityService(), task.getAssignee());
    String decision =
        DECISION_FIELDS.stream()
            .map(field -> ProcessVariables.string(task, field))
            .filter(value -> value != null && !value.isBlank())
            .findFirst()
            .orElse(null);
    String comment = ProcessVariables.string(task, ProcessVariables.COMMENT);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskId", task.getId());
    details.put("taskKey", task.getTaskDefinitionKey());
    String role = TaskRoles.of(task).orElse(null);
    if (role != null) {
      details.put("role", role);
    }
    details.put("task", task.getName());
    if (task.getVariable(ReviewVariables.APPROVER_GROUP) != null) {
      details.put("approverGroup", ProcessVariables.string(task, ReviewVariables.APPROVER_GROUP));
    }
    if (decision != null) {
      details.put("decision", decision);
    }
    if (task.getVariable(DraftingVariables.NON_STANDARD_TERMS) != null
        && DraftingVariables.ROLE_SUBMIT_DRAFT.equals(role)) {
      details.put("nonStandardTerms", task.getVariable(DraftingVariables.NON_STANDARD_TERMS));
    }
    if (comment != null && !comment.isBlank()) {
      details.put("comment", comment);
    }
    String summary =
        "“"
            + task.getName()
            + "” completed by "
            + actor
            + (decision == null ? "" : ": " + decision)
            + (comment == null || comment.isBlank() ? "" : " — " + comment);
    audit.record(
        ProcessVariables.contractId(task), actor, AuditKinds.TASK_COMPLETED, summary, details);
  }
}
