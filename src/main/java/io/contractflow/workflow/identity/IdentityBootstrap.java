package io.contractflow.workflow.identity;

import io.contractflow.identity.DemoUser;
import io.contractflow.identity.IdentityProperties;
import io.contractflow.identity.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's identity match the role model at every start, idempotently: one group per role,
 * what each group may do in Tasklist (with the shipped filters of {@link TasklistFilters}) and
 * Cockpit, the demo users of the embedded default, and a first admin for a fresh install. With a
 * read-only identity (the {@code keycloak} profile) only the authorizations and filters are kept
 * here: groups and users live in Keycloak.
 */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
  private static final String ANY = Authorization.ANY;

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final IdentityProperties properties;
  private final TasklistFilters tasklistFilters;
  private final TaskWorkPermission taskWorkPermission;
  private final DeployedGroupAccess deployedGroupAccess;

  IdentityBootstrap(
      IdentityService identityService,
      AuthorizationService authorizationService,
      IdentityProperties properties,
      TasklistFilters tasklistFilters,
      TaskWorkPermission taskWorkPermission,
      DeployedGroupAccess deployedGroupAccess) {
    this.deployedGroupAccess = deployedGroupAccess;
    this.taskWorkPermission = taskWorkPermission;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.properties = properties;
    this.tasklistFilters = tasklistFilters;
  }

  @Override
  public void run(ApplicationArguments args) {
    // with an identity the engine only reads (Keycloak), users and groups are kept there;
    // authorizations stay ours
    boolean ownsIdentity = !identityService.isReadOnly();
    if (ownsIdentity) {
      ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators");
    }
    for (Resource resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    for (Role role : Role.values()) {
      if (ownsIdentity) {
        ensureGroup(role.groupId(), role.displayName());
      }
      // every business user works in Tasklist: the models behind their tasks' forms (filters:
      // TasklistFilters)
      grant(role.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(role.groupId(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }
    tasklistFilters.ensureShippedFilters();
    // the groups deployed models name (also done as each deployment commits)
    deployedGroupAccess.provideForDeployedModels();
    taskWorkPermission.narrowExistingGrants(authorizationService);
    grantAuditorReadOnlyCockpit();
    if (!ownsIdentity) {
      log.info(
          "Users and groups come from a read-only identity provider: no demo users or initial admin created");
      return;
    }
    if (properties.demoUsers()) {
      createDemoUsers();
    }
    if (properties.initialAdmin().configured()) {
      createInitialAdmin(properties.initialAdmin());
    }
  }

  private void grantAuditorReadOnlyCockpit() {
    String auditor = Role.AUDITOR.groupId();
    grant(auditor, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(
        auditor,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE);
    grant(auditor, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(auditor, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(auditor, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(auditor, Resources.TASK, ANY, Permissions.READ);
    grant(auditor, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(auditor, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(
        auditor, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
  }

  private void createDemoUsers() {
    StringBuilder table = new StringBuilder();
    for (DemoUser demo : DemoUser.ALL) {
      ensureUser(demo.username(), demo.password(), demo.firstName(), demo.lastName(), demo.email());
      ensureMembership(demo.username(), demo.role().groupId());
      if (demo.role() == Role.CONTRACT_ADMIN) {
        ensureMembership(demo.username(), Groups.CAMUNDA_ADMIN);
      }
      table.append(
          String.format(
              "%n  %-8s %-8s %s", demo.username(), demo.password(), demo.role().displayName()));
    }
    log.info("Demo users (user, password, role) — for the embedded default only:{}", table);
  }

  private void createInitialAdmin(IdentityProperties.InitialAdmin admin) {
    if (identityService.createUserQuery().memberOfGroup(Role.CONTRACT_ADMIN.groupId()).count()
        > 0) {
      return;
    }
    ensureUser(admin.username(), admin.password(), "Contract", "Admin", null);
    ensureMembership(admin.username(), Role.CONTRACT_ADMIN.groupId());
    log.info("Created the initial contract admin '{}'", admin.username());
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(group);
    }
  }

  private void ensureUser(String id, String password, String first, String last, String email) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(password);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(email);
      identityService.saveUser(user);
    }
  }

  private void ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  private void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists =
        authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .count()
            > 0;
    if (exists) {
      return;
    }
    Authorization authorization =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
