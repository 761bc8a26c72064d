package io.contractflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before Spring Security's HTTP Basic filter: a request whose credentials name an account that
 * is blocked for the caller's address gets a 429 and its password is not checked. The outcome of a
 * check that does happen reaches the {@link LoginGuard} through Spring Security's authentication
 * events ({@link AuthenticationOutcomes}).
 */
public class BasicLoginThrottleFilter extends OncePerRequestFilter {

  static final String SURFACE = "http-basic";

  private final LoginGuard guard;
  private final ObjectMapper mapper;

  public BasicLoginThrottleFilter(LoginGuard guard, ObjectMapper mapper) {
    this.guard = guard;
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String account = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (account != null) {
      Optional<Duration> wait = guard.refusal(account, request.getRemoteAddr(), SURFACE);
      if (wait.isPresent()) {
        TooManyRequests.write(
            response, mapper, wait.get(), "Too many failed sign-ins from your address");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * The user name of HTTP Basic credentials, or null when there are none (or they are not
   * readable).
   */
  static String basicUser(String authorization) {
    if (authorization == null
        || authorization.length() < 6
        || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
