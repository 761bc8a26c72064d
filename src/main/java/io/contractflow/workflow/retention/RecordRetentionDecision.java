package io.contractflow.workflow.retention;

import io.contractflow.retention.RetentionDecisions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * "Record retention decision": who answered "Confirm deletion" (the user completing it, else the
 * completed task's assignee), which contracts are deleted (none when rejected; the listed ones but
 * the references kept), recorded in the security log ({@link RetentionDecisions}).
 */
@Component
class RecordRetentionDecision implements JavaDelegate {

  private final RetentionDecisions decisions;
  private final IdentityService identity;
  private final HistoryService history;

  RecordRetentionDecision(
      RetentionDecisions decisions, IdentityService identity, HistoryService history) {
    this.decisions = decisions;
    this.identity = identity;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String by = Actors.current(identity, completedBy(execution));
    boolean confirmed =
        RetentionDecision.CONFIRM
            .name()
            .equals(ProcessVariables.string(execution, RetentionVariables.DECISION));
    List<UUID> listed = new ArrayList<>();
    if (execution.getVariable(RetentionVariables.DUE_CONTRACTS) instanceof List<?> ids) {
      ids.forEach(id -> listed.add(UUID.fromString(id.toString())));
    }
    List<UUID> toDelete =
        decisions.decide(
            execution.getProcessInstanceId(),
            confirmed,
            by,
            listed,
            ProcessVariables.string(execution, RetentionVariables.KEEP_REFERENCES),
            ProcessVariables.string(execution, ProcessVariables.COMMENT));
    execution.setVariable(
        RetentionVariables.CONTRACTS_TO_DELETE,
        new ArrayList<>(toDelete.stream().map(UUID::toString).toList()));
    execution.setVariable(RetentionVariables.DELETE_COUNT, toDelete.size());
    execution.setVariable(RetentionVariables.CONFIRMED_BY, by);
  }

  private String completedBy(DelegateExecution execution) {
    return history
        .createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(RetentionVariables.TASK_CONFIRM_DELETION)
        .finished()
        .orderByHistoricTaskInstanceEndTime()
        .desc()
        .listPage(0, 1)
        .stream()
        .map(HistoricTaskInstance::getAssignee)
        .findFirst()
        .orElse(null);
  }
}
