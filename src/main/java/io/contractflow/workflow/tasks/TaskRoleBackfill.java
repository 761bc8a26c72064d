package io.contractflow.workflow.tasks;

import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Tasks created before tasks carried their role ({@link TaskFacts} puts it on each new one) get it
 * once, so Tasklist's filters by role find them too. Idempotent: a task that has its role is left
 * alone, and once done an engine property says so.
 */
@Component
class TaskRoleBackfill implements ApplicationRunner {

  static final String DONE = "contractflow.task-role-backfill";
  private static final Logger log = LoggerFactory.getLogger(TaskRoleBackfill.class);
  private static final int PAGE = 500;

  private final TaskService tasks;
  private final ManagementService management;
  private final TaskRoles roles;

  TaskRoleBackfill(TaskService tasks, ManagementService management, TaskRoles roles) {
    this.tasks = tasks;
    this.management = management;
    this.roles = roles;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (management.getProperties().containsKey(DONE)) {
      return;
    }
    int updated = 0;
    for (int first = 0; ; first += PAGE) {
      var page = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, PAGE);
      for (Task task : page) {
        String role = roles.of(task).orElse(null);
        if (role != null
            && !role.equals(tasks.getVariableLocal(task.getId(), ProcessVariables.PLAYED_ROLE))) {
          tasks.setVariableLocal(task.getId(), ProcessVariables.PLAYED_ROLE, role);
          updated++;
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    management.setProperty(DONE, "done");
    if (updated > 0) {
      log.info("{} open tasks got their role (for Tasklist's filters)", updated);
    }
  }
}
