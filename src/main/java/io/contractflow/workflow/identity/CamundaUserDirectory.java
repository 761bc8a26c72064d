package io.contractflow.workflow.identity;

import io.contractflow.identity.UserDirectory;
import org.camunda.bpm.engine.IdentityService;
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
}
