package io.contractflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an API call ({@code /api/}) without credentials use the browser's logged-in session, when a
 * {@link BrowserSessionAuthentication} knows it. Reads ({@code GET}/{@code HEAD}) may use any such
 * session; changes only a session that {@link BrowserSessionAuthentication#allowsChanges() allows
 * them} (the workspace's), whose unsafe requests Spring Security's CSRF filter has checked before
 * ({@link WorkspaceSessions#needsCsrfToken}). So a cross-site form cannot act on a user's behalf.
 */
class BrowserSessionFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD");

  private final ObjectProvider<BrowserSessionAuthentication> sessions;

  BrowserSessionFilter(ObjectProvider<BrowserSessionAuthentication> sessions) {
    this.sessions = sessions;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || request.getSession(false) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SecurityContextHolder.getContext().getAuthentication() == null) {
      boolean safe = SAFE.contains(request.getMethod());
      sessions
          .orderedStream()
          .filter(known -> safe || known.allowsChanges())
          .map(known -> known.authenticate(request))
          .flatMap(Optional::stream)
          .findFirst()
          .ifPresent(BrowserSessionFilter::signIn);
    }
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static void signIn(Authentication authentication) {
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
  }
}
