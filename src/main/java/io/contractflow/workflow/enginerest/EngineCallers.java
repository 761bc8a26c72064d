package io.contractflow.workflow.enginerest;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import io.contractflow.workflow.identity.WebappSessionUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who calls an engine surface: on {@code /engine-rest} the user Spring Security authenticated; on
 * the webapps' API the user signed into the webapps' session (the one Camunda itself acts for
 * there), with the groups it loaded.
 */
@Component
class EngineCallers {

  private final CurrentUserProvider currentUser;
  private final ProcessEngine engine;

  EngineCallers(CurrentUserProvider currentUser, ProcessEngine engine) {
    this.currentUser = currentUser;
    this.engine = engine;
  }

  Optional<CurrentUser> engineRest() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return Optional.of(currentUser.get());
  }

  Optional<CurrentUser> webapp(HttpServletRequest request) {
    return WebappSessionUser.of(request, engine.getName())
        .map(
            user -> {
              Set<Role> roles = new HashSet<>();
              user.groupIds().forEach(group -> Role.ofGroup(group).ifPresent(roles::add));
              return new CurrentUser(user.name(), new HashSet<>(user.groupIds()), roles);
            });
  }

  /**
   * Engine administrators: Camunda's own admin group and contract admins (see the engine's admin
   * groups).
   */
  boolean isAdmin(CurrentUser user) {
    return user.isAdmin() || user.groups().contains(Groups.CAMUNDA_ADMIN);
  }
}
