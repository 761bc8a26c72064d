package io.contractflow.workflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The user signed into Camunda's webapps (Tasklist, Cockpit) in this browser session for one
 * engine, with the groups the webapp loaded at sign-in.
 */
public record WebappSessionUser(String name, List<String> groupIds) {

  public static Optional<WebappSessionUser> of(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications all = AuthenticationUtil.getAuthsFromSession(session);
    if (all == null
        || !(all.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)
        || user.getName() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new WebappSessionUser(
            user.getName(),
            user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds())));
  }
}
