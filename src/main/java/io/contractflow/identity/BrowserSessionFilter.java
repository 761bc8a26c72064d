package io.contractflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a read of the API ({@code GET}/{@code HEAD} under {@code /api/}) without credentials use the
 * browser's logged-in session, when a {@link BrowserSessionAuthentication} knows it. Requests that
 * change anything always need credentials of their own, so a cross-site form cannot act on a user's
 * behalf.
 */
class BrowserSessionFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD");

  private final ObjectProvider<BrowserSessionAuthentication> sessions;

  BrowserSessionFilter(ObjectProvider<BrowserSessionAuthentication> sessions) {
    this.sessions = sessions;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !SAFE.contains(request.getMethod())
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || request.getSession(false) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    BrowserSessionAuthentication known = sessions.getIfAvailable();
    if (known != null && SecurityContextHolder.getContext().getAuthentication() == null) {
      known
          .authenticate(request)
          .ifPresent(
              authentication -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
              });
    }
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
