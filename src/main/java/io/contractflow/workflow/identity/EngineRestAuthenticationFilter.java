package io.contractflow.workflow.identity;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the caller that Spring Security authenticated to the engine for the duration of an {@code
 * /engine-rest} request, so Camunda's authorizations decide what they may see and do there.
 */
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final CurrentUserProvider currentUserProvider;

  EngineRestAuthenticationFilter(
      IdentityService identityService, CurrentUserProvider currentUserProvider) {
    this.identityService = identityService;
    this.currentUserProvider = currentUserProvider;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    CurrentUser user = currentUserProvider.get();
    identityService.setAuthentication(user.username(), List.copyOf(user.groups()));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
