package io.contractflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The workspace's browser session and how the API accepts it. The workspace's sign-in (our form in
 * the embedded default, Keycloak's OIDC login in the {@code keycloak} profile) keeps the user in
 * the server session as Spring Security does; the API's filter chains stay stateless for HTTP Basic
 * and bearer callers, and a call with no {@code Authorization} header is authenticated from that
 * session ({@link BrowserSessionFilter}). Such a call that changes something (POST, PUT, PATCH,
 * DELETE) must carry the session's CSRF token in the {@value #CSRF_HEADER} header; the pages read
 * it from the {@value #CSRF_COOKIE} cookie (double submit, Spring Security's cookie-based token
 * repository). Only {@code /api/} is bridged so: the Camunda webapps keep their own sessions and
 * CSRF protection.
 */
@Component
public class WorkspaceSessions implements BrowserSessionAuthentication {

  public static final String CSRF_COOKIE = "CF-XSRF-TOKEN";
  public static final String CSRF_HEADER = "X-CF-XSRF-TOKEN";
  public static final String CSRF_PARAMETER = "_csrf";

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private static final CsrfTokenRepository TOKENS = tokenRepository();

  private static CsrfTokenRepository tokenRepository() {
    CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setCookieName(CSRF_COOKIE);
    tokens.setHeaderName(CSRF_HEADER);
    tokens.setParameterName(CSRF_PARAMETER);
    tokens.setCookiePath("/");
    tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return tokens;
  }

  /** The user signed into the workspace in this request's session, if any. */
  static Optional<Authentication> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Object stored =
        session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    if (!(stored instanceof SecurityContext context)) {
      return Optional.empty();
    }
    Authentication authentication = context.getAuthentication();
    return authentication == null
            || !authentication.isAuthenticated()
            || authentication instanceof AnonymousAuthenticationToken
        ? Optional.empty()
        : Optional.of(authentication);
  }

  /**
   * Whether the request must carry the CSRF token: an API call that changes something, without
   * credentials of its own, in a browser signed into the workspace.
   */
  static boolean needsCsrfToken(HttpServletRequest request) {
    return !SAFE.contains(request.getMethod())
        && request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && signedIn(request).isPresent();
  }

  @Override
  public Optional<Authentication> authenticate(HttpServletRequest request) {
    return signedIn(request);
  }

  @Override
  public boolean allowsChanges() {
    return true;
  }

  /**
   * The API chains' CSRF protection: only for calls authenticated by the workspace session; HTTP
   * Basic and bearer callers are stateless and unaffected.
   */
  static void protectApi(HttpSecurity http) throws Exception {
    http.csrf(
        csrf ->
            csrf.csrfTokenRepository(TOKENS)
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(WorkspaceSessions::needsCsrfToken)
                // the API never signs anyone in: a call taking the session must not renew the
                // token (Spring Security would, seeing a caller its stateless chain did not store)
                .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()));
  }

  /**
   * The workspace pages' CSRF protection (sign-in, sign-out): the same token, and the cookie set on
   * every page so that the pages' scripts can send it.
   */
  static void protectPages(HttpSecurity http) throws Exception {
    http.csrf(
            csrf ->
                csrf.csrfTokenRepository(TOKENS)
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        .addFilterAfter(new TokenCookie(), CsrfFilter.class);
  }

  /** Loads the deferred token, so that the repository writes its cookie. */
  private static final class TokenCookie extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
