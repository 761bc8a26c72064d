package io.contractflow.workflow.identity;

import io.contractflow.identity.BrowserSessionAuthentication;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The user logged into Camunda's webapps (Tasklist) in this browser session, with the groups the
 * webapp loaded at login: the same authorities HTTP Basic would give them.
 */
@Component
class TasklistSessionAuthentication implements BrowserSessionAuthentication {

  private final ProcessEngine engine;

  TasklistSessionAuthentication(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<Authentication> authenticate(HttpServletRequest request) {
    return WebappSessionUser.of(request, engine.getName())
        .map(
            user -> {
              List<GrantedAuthority> authorities = new ArrayList<>();
              for (String group : user.groupIds()) {
                authorities.add(
                    new SimpleGrantedAuthority(CurrentUserProvider.GROUP_PREFIX + group));
                Role.ofGroup(group)
                    .ifPresent(
                        role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
              }
              return UsernamePasswordAuthenticationToken.authenticated(
                  user.name(), null, authorities);
            });
  }
}
