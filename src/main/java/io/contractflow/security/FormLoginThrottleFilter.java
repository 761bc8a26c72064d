package io.contractflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before Spring Security's form login (the workspace's sign-in page): an account that is
 * blocked for the caller's address is sent back to the page with {@code ?throttled} and its
 * password is not checked. The outcome of a check that does happen reaches the {@link LoginGuard}
 * through Spring Security's authentication events ({@link AuthenticationOutcomes}), as for HTTP
 * Basic, so both count towards the same block.
 */
public class FormLoginThrottleFilter extends OncePerRequestFilter {

  static final String SURFACE = "workspace-login";

  /**
   * What the form's sign-in carries beside the password: the caller's address as for any web
   * sign-in, and that it came through this form (the security log names the surface).
   */
  public static final class Details extends WebAuthenticationDetails {

    public Details(HttpServletRequest request) {
      super(request);
    }
  }

  private final LoginGuard guard;
  private final String loginUrl;

  public FormLoginThrottleFilter(LoginGuard guard, String loginUrl) {
    this.guard = guard;
    this.loginUrl = loginUrl;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request.getRequestURI().equals(request.getContextPath() + loginUrl);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String account = request.getParameter("username");
    if (account != null) {
      Optional<Duration> wait = guard.refusal(account, request.getRemoteAddr(), SURFACE);
      if (wait.isPresent()) {
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
        response.sendRedirect(request.getContextPath() + loginUrl + "?throttled");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
