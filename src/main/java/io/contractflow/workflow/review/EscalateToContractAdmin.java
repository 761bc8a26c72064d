package io.contractflow.workflow.review;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.identity.Role;
import io.contractflow.notification.ReviewOverdue;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Escalate to contract admin": the review is still open well after its due date. The contract
 * admins become candidates of every open review task (so "Escalated reviews" in Tasklist shows it)
 * and its priority goes up. The bean keeps the name the deployed models call it by, {@code
 * escalateReview}.
 */
@Component("escalateReview")
class EscalateToContractAdmin implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 90;

  private final TaskService tasks;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  EscalateToContractAdmin(TaskService tasks, AuditTrail audit, ApplicationEventPublisher events) {
    this.tasks = tasks;
    this.audit = audit;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Task> open = OpenReviewTasks.of(tasks, execution);
    List<String> groups = OpenReviewTasks.groups(tasks, open);
    for (Task task : open) {
      tasks.addCandidateGroup(task.getId(), Role.CONTRACT_ADMIN.groupId());
      tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
    }
    audit.record(
        ProcessVariables.contractId(execution),
        Actors.SYSTEM,
        AuditKinds.ESCALATION,
        "Review still overdue: escalated to the contract admins",
        Map.of("openTasks", open.stream().map(Task::getId).toList(), "groups", groups));
    events.publishEvent(
        new ReviewOverdue(
            ProcessVariables.contractId(execution),
            ProcessVariables.string(execution, ProcessVariables.REFERENCE),
            groups,
            open.stream().map(Task::getId).toList(),
            true));
  }
}
