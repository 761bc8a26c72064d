package io.contractflow.workflow.identity;

import io.contractflow.identity.BrowserSessionAuthentication;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The user logged into Camunda's webapps (Tasklist) in this browser session, with the groups the webapp loaded at
 * login: the same authorities HTTP Basic would give them.
 */
@Component
class TasklistSessionAuthentication implements BrowserSessionAuthentication {

  private final ProcessEngine engine;

  TasklistSessionAuthentication(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<Authentication> authenticate(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications all = AuthenticationUtil.getAuthsFromSession(session);
    if (all == null
        || !(all.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user)
        || user.getName() == null) {
      return Optional.empty();
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String group : user.getGroupIds() == null ? List.<String>of() : user.getGroupIds()) {
      authorities.add(new SimpleGrantedAuthority(CurrentUserProvider.GROUP_PREFIX + group));
      Role.ofGroup(group).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    }
    return Optional.of(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities));
  }
}
