package io.contractflow.workflow.tasks;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.Variables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Writes every completed user task to the contract's history: which task, who completed it, their decision and
 * comment. Runs after the model's own listeners, so a refused completion records nothing.
 */
@Component
class RecordTaskCompletion implements TaskListener {

  /** The form fields that carry a decision, in the order they are looked for. */
  static final List<String> DECISION_FIELDS = List.of("decision", "renewalDecision");

  private final AuditTrail audit;

  RecordTaskCompletion(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Variables.hasContract(task)) {
      return;
    }
    String actor = Actors.current(task.getProcessEngineServices().getIdentityService(), task.getAssignee());
    String decision = DECISION_FIELDS.stream().map(field -> Variables.string(task, field))
        .filter(value -> value != null && !value.isBlank()).findFirst().orElse(null);
    String comment = Variables.string(task, "comment");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskId", task.getId());
    details.put("taskKey", task.getTaskDefinitionKey());
    details.put("task", task.getName());
    if (task.getVariable("approverGroup") != null) {
      details.put("approverGroup", Variables.string(task, "approverGroup"));
    }
    if (decision != null) {
      details.put("decision", decision);
    }
    if (task.getVariable("nonStandardTerms") != null && "Task_SubmitDraft".equals(task.getTaskDefinitionKey())) {
      details.put("nonStandardTerms", task.getVariable("nonStandardTerms"));
    }
    if (comment != null && !comment.isBlank()) {
      details.put("comment", comment);
    }
    String summary = "“" + task.getName() + "” completed by " + actor + (decision == null ? "" : ": " + decision)
        + (comment == null || comment.isBlank() ? "" : " — " + comment);
    audit.record(Variables.contractId(task), actor, AuditKinds.TASK_COMPLETED, summary, details);
  }
}
