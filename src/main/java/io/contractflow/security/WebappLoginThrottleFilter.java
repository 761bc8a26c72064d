package io.contractflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.platform.web.RereadableRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps' own login form ({@code POST
 * /camunda/api/admin/auth/user/{engine}/login/{app}}, a form with {@code username} and {@code
 * password}), which checks the password in the engine, past Spring Security: a blocked account and
 * source get a 429 without a check, and the outcome (200 signed in, 401 refused) is counted by the
 * {@link LoginGuard}. The body is read here and handed on unchanged.
 */
public class WebappLoginThrottleFilter extends OncePerRequestFilter {

  static final String SURFACE = "webapp-login";

  /** The webapps' login, under the context path. */
  public static final String URL_PATTERN = "/camunda/api/admin/auth/user/*";

  private static final int MAX_BODY = 16 * 1024;

  private final LoginGuard guard;
  private final ObjectMapper mapper;

  public WebappLoginThrottleFilter(LoginGuard guard, ObjectMapper mapper) {
    this.guard = guard;
    this.mapper = mapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    String account = formField(new String(body, StandardCharsets.ISO_8859_1), "username");
    String source = request.getRemoteAddr();
    if (account != null) {
      Optional<Duration> wait = guard.refusal(account, source, SURFACE);
      if (wait.isPresent()) {
        TooManyRequests.write(
            response, mapper, wait.get(), "Too many failed sign-ins from your address");
        return;
      }
    }
    chain.doFilter(new RereadableRequest(request, body), response);
    if (account == null) {
      return;
    }
    if (response.getStatus() == HttpServletResponse.SC_OK) {
      guard.succeeded(account, source, SURFACE, true);
    } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      guard.failed(account, source, SURFACE);
    }
  }

  /** A field of an {@code application/x-www-form-urlencoded} body, decoded as UTF-8. */
  static String formField(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        try {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          return null;
        }
      }
    }
    return null;
  }
}
