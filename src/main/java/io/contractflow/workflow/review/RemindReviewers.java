package io.contractflow.workflow.review;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
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
 * "Remind reviewers": the review's due date passed with tasks still open. Records the reminder and
 * publishes {@link ReviewOverdue} for whoever delivers reminders (mail notifications).
 */
@Component("remindReviewers")
class RemindReviewers implements JavaDelegate {

  private final TaskService tasks;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  RemindReviewers(TaskService tasks, AuditTrail audit, ApplicationEventPublisher events) {
    this.tasks = tasks;
    this.audit = audit;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Task> open = OpenReviewTasks.of(tasks, execution);
    List<String> groups = OpenReviewTasks.groups(tasks, open);
    audit.record(
        ProcessVariables.contractId(execution),
        Actors.SYSTEM,
        AuditKinds.REMINDER,
        "Review overdue: reminded "
            + (groups.isEmpty() ? "the reviewers" : String.join(", ", groups)),
        Map.of("openTasks", open.stream().map(Task::getId).toList(), "groups", groups));
    events.publishEvent(
        new ReviewOverdue(
            ProcessVariables.contractId(execution),
            ProcessVariables.string(execution, ProcessVariables.REFERENCE),
            groups,
            open.stream().map(Task::getId).toList(),
            false));
  }
}
