package io.contractflow.workflow.review;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** The review tasks still open in one review, and the groups they wait for. */
final class OpenReviewTasks {

  private OpenReviewTasks() {}

  static List<Task> of(TaskService tasks, DelegateExecution execution) {
    return tasks
        .createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ReviewVariables.TASK_REVIEW_CONTRACT)
        .active()
        .list();
  }

  static List<String> groups(TaskService tasks, List<Task> open) {
    return open.stream()
        .flatMap(task -> tasks.getIdentityLinksForTask(task.getId()).stream())
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .distinct()
        .sorted()
        .toList();
  }
}
