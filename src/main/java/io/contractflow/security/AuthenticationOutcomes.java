package io.contractflow.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Hears Spring Security's authentication events: password checks (HTTP Basic) go to the {@link
 * LoginGuard}, which counts them and writes the security log; other sign-ins (OAuth2 login, bearer
 * tokens) are logged.
 */
@Component
class AuthenticationOutcomes {

  private final LoginGuard guard;
  private final SecurityLog securityLog;
  private final SignIns signIns;

  AuthenticationOutcomes(LoginGuard guard, SecurityLog securityLog, SignIns signIns) {
    this.guard = guard;
    this.securityLog = securityLog;
    this.signIns = signIns;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    Authentication authentication = event.getAuthentication();
    String source = source(authentication);
    if (authentication instanceof UsernamePasswordAuthenticationToken) {
      guard.succeeded(authentication.getName(), source, passwordSurface(authentication), false);
      signIns.signedIn(authentication.getName(), passwordSurface(authentication));
    } else {
      signIns.signedIn(authentication.getName(), surface(authentication));
      securityLog.loginSucceeded(
          authentication.getName(),
          source,
          surface(authentication),
          0,
          authentication.getClass().getSimpleName().startsWith("OAuth2Login"));
    }
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    Authentication attempt = event.getAuthentication();
    if (attempt instanceof UsernamePasswordAuthenticationToken) {
      guard.failed(attempt.getName(), source(attempt), passwordSurface(attempt));
    } else {
      // a bearer token's "name" is the token itself: never logged
      String user = surface(attempt).equals("bearer-token") ? null : attempt.getName();
      securityLog.loginFailed(user, source(attempt), surface(attempt), 1);
    }
  }

  /** Where a password was checked: the workspace's form says so in its details, else HTTP Basic. */
  private static String passwordSurface(Authentication authentication) {
    return authentication.getDetails() instanceof FormLoginThrottleFilter.Details
        ? FormLoginThrottleFilter.SURFACE
        : BasicLoginThrottleFilter.SURFACE;
  }

  private static String source(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }

  private static String surface(Authentication authentication) {
    String type = authentication.getClass().getSimpleName();
    return type.startsWith("OAuth2Login")
        ? "oidc-login"
        : type.contains("Bearer") || type.contains("Jwt") ? "bearer-token" : type;
  }
}
