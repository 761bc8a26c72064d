package io.contractflow.workflow.review;

import io.contractflow.workflow.tasks.TaskRoles;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The review tasks (those playing the role {@link ReviewVariables#ROLE_REVIEW}) still open in one
 * review, and the groups they wait for.
 */
final class OpenReviewTasks {

  private OpenReviewTasks() {}

  static List<Task> of(TaskService tasks, DelegateExecution execution) {
    List<String> reviewKeys =
        execution.getBpmnModelInstance().getModelElementsByType(UserTask.class).stream()
            .filter(task -> ReviewVariables.ROLE_REVIEW.equals(TaskRoles.roleOf(task)))
            .map(UserTask::getId)
            .toList();
    if (reviewKeys.isEmpty()) {
      return List.of();
    }
    return tasks
        .createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn(reviewKeys.toArray(String[]::new))
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
