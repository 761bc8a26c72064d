package io.contractflow.workflow.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the engine grants a task's assignee and candidates (users and groups) on the task: {@code
 * TASK_WORK} instead of Camunda's default {@code UPDATE}. {@code TASK_WORK} is what Tasklist's work
 * needs: claim, unclaim, complete, submit the form, comment. {@code UPDATE} also lets them set and
 * remove the task's (and so the process's) variables, reassign or delegate the task, add candidates
 * and change its dates: none of that is their work. At each start, grants made under the old
 * default on open tasks are narrowed the same way.
 */
@Component
class TaskWorkPermission extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TaskWorkPermission.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getDefaultUserPermissionForTask() != Permissions.TASK_WORK) {
      throw new IllegalStateException(
          "Task assignees and candidates must get TASK_WORK, not "
              + configuration.getDefaultUserPermissionNameForTask());
    }
  }

  /**
   * Narrows UPDATE to TASK_WORK on every single task's grant (grants on all tasks, '*', are left as
   * they are).
   */
  void narrowExistingGrants(AuthorizationService authorizationService) {
    List<Authorization> grants =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .resourceType(Resources.TASK)
            .hasPermission(Permissions.UPDATE)
            .list();
    int narrowed = 0;
    for (Authorization grant : grants) {
      if (Authorization.ANY.equals(grant.getResourceId())
          || Groups.CAMUNDA_ADMIN.equals(grant.getGroupId())) {
        continue;
      }
      grant.removePermission(Permissions.UPDATE);
      grant.addPermission(Permissions.TASK_WORK);
      authorizationService.saveAuthorization(grant);
      narrowed++;
    }
    if (narrowed > 0) {
      log.info("Narrowed {} task grants from UPDATE to TASK_WORK", narrowed);
    }
  }
}
