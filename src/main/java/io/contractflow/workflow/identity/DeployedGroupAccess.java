package io.contractflow.workflow.identity;

import io.contractflow.identity.Role;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every candidate group a deployed model or decision names ({@link ModelGroups}) gets Tasklist
 * access, READ on the process definitions (the forms behind its tasks) and a Tasklist filter of its
 * own ({@link TasklistFilters#ensureGroupFilter}). It runs right after each new deployment commits
 * ({@link GroupAccessOnDeployment}) and at every start for the latest models (should a node have
 * stopped in between). Idempotent: what exists is left alone; two nodes doing the same work at once
 * may clash on the database's unique keys, which is logged and caught up at the next start. The
 * groups of the role model ({@link Role}) are {@link IdentityBootstrap}'s; groups are never created
 * here (whether a group is known is the deployment check's question).
 */
@Component
class DeployedGroupAccess {

  private static final Logger log = LoggerFactory.getLogger(DeployedGroupAccess.class);

  private final AuthorizationService authorizations;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final TasklistFilters filters;
  private final TransactionTemplate newTransaction;

  DeployedGroupAccess(
      AuthorizationService authorizations,
      IdentityService identity,
      RepositoryService repository,
      TasklistFilters filters,
      PlatformTransactionManager transactions) {
    this.authorizations = authorizations;
    this.identity = identity;
    this.repository = repository;
    this.filters = filters;
    this.newTransaction = new TransactionTemplate(transactions);
    newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The groups the latest version of every deployed process and decision names. */
  Set<String> namedByDeployedModels() {
    Set<String> groups = new TreeSet<>();
    for (ProcessDefinition definition :
        repository.createProcessDefinitionQuery().latestVersion().list()) {
      groups.addAll(ModelGroups.of(repository.getBpmnModelInstance(definition.getId())));
    }
    for (DecisionDefinition definition :
        repository.createDecisionDefinitionQuery().latestVersion().list()) {
      groups.addAll(ModelGroups.of(repository.getDmnModelInstance(definition.getId())));
    }
    return groups;
  }

  /** Access and a filter for the groups the deployed models name. */
  void provideForDeployedModels() {
    provide(namedByDeployedModels());
  }

  /**
   * Access and a filter for each group, in a transaction of its own and as the system (whoever
   * deployed needs no right on authorizations); a failure is logged, never thrown.
   */
  void provide(Collection<String> groups) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      for (String group : groups) {
        if (isRoleGroup(group)) {
          continue;
        }
        try {
          newTransaction.executeWithoutResult(status -> provide(group));
        } catch (RuntimeException clash) {
          log.warn(
              "Tasklist access for group '{}' not provided now (caught up at the next start): {}",
              group,
              clash.getMessage());
        }
      }
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private void provide(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    filters.ensureGroupFilter(
        groupId, group == null || group.getName() == null ? groupId : group.getName());
  }

  private static boolean isRoleGroup(String groupId) {
    if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
      return true;
    }
    for (Role role : Role.values()) {
      if (role.groupId().equals(groupId)) {
        return true;
      }
    }
    return false;
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization existing =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    Authorization grant =
        existing != null
            ? existing
            : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    authorizations.saveAuthorization(grant);
    log.info(
        "Granted {} on {} '{}' to group '{}'",
        permission,
        resource.resourceName(),
        resourceId,
        groupId);
  }
}
