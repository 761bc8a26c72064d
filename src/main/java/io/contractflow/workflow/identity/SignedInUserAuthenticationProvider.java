package io.contractflow.workflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda's webapps who is signed in: the user Spring Security logged in through Keycloak
 * (the {@code keycloak} profile). Camunda then loads their groups from its identity, which is
 * Keycloak too. Camunda creates this class itself, by name, for {@code
 * ContainerBasedAuthenticationFilter}; hence public.
 */
public class SignedInUserAuthenticationProvider extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken
        || authentication.getName() == null
        || authentication.getName().isBlank()) {
      return AuthenticationResult.unsuccessful();
    }
    return AuthenticationResult.successful(authentication.getName());
  }
}
