package io.contractflow.workflow.tasks;

import io.contractflow.notification.TaskWaiting;
import io.contractflow.workflow.ProcessVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces every new user task of a contract ({@link TaskWaiting}) with whom it waits for, inside
 * the transaction that created it: notifications write their mail in that same transaction.
 */
@Component
class AnnounceWaitingTask implements TaskListener {

  private final ApplicationEventPublisher events;

  AnnounceWaitingTask(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!ProcessVariables.hasContract(task)) {
      return;
    }
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (IdentityLink candidate : task.getCandidates()) {
      if (candidate.getUserId() != null) {
        users.add(candidate.getUserId());
      } else if (candidate.getGroupId() != null) {
        groups.add(candidate.getGroupId());
      }
    }
    events.publishEvent(
        new TaskWaiting(
            task.getId(),
            task.getName(),
            ProcessVariables.contractId(task),
            task.getAssignee(),
            users,
            groups,
            task.getDueDate() == null ? null : task.getDueDate().toInstant()));
  }
}
