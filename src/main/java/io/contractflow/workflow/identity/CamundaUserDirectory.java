package io.contractflow.workflow.identity;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.Role;
import io.contractflow.identity.UserDirectory;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Users and groups as Camunda's identity service knows them. */
@Component
class CamundaUserDirectory implements UserDirectory {

  private final IdentityService identityService;

  CamundaUserDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public boolean userExists(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
  }

  @Override
  public boolean groupExists(String groupId) {
    return identityService.createGroupQuery().groupId(groupId).count() > 0;
  }

  @Override
  public Optional<CurrentUser> current(String userId) {
    if (!userExists(userId)) {
      return Optional.empty();
    }
    Set<String> groups = new HashSet<>();
    Set<Role> roles = new HashSet<>();
    for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
      groups.add(group.getId());
      Role.ofGroup(group.getId()).ifPresent(roles::add);
    }
    return Optional.of(new CurrentUser(userId, groups, roles));
  }
}
