package io.contractflow.workspace;

import io.contractflow.identity.WorkspacePaths;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * In the {@code keycloak} profile Keycloak signs users in: the sign-in address needs a signed-in
 * user (so the security chain sends everyone else to Keycloak) and then leads to the workspace.
 */
@Controller
@Hidden
@Profile("keycloak")
class KeycloakSignIn {

  @GetMapping(WorkspacePaths.SIGN_IN)
  String signedIn() {
    return "redirect:/";
  }
}
