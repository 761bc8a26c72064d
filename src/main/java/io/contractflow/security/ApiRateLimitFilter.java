package io.contractflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request budget on {@code /api} and {@code /engine-rest}: per signed-in user, or per source
 * address for callers without a login. Runs after Spring Security (so the user is known); over
 * budget, a 429 problem with {@code Retry-After}.
 */
public class ApiRateLimitFilter extends OncePerRequestFilter {

  private final Budgets budgets;
  private final SecurityLog securityLog;
  private final ObjectMapper mapper;
  private final Announcements announced = new Announcements(Duration.ofMinutes(1), 10_000);

  public ApiRateLimitFilter(
      SecurityProperties properties, SecurityLog securityLog, ObjectMapper mapper) {
    SecurityProperties.RateLimits limits = properties.rateLimits();
    this.budgets =
        new Budgets(
            limits.apiRequestsPerUser().capacity(),
            limits.apiRequestsPerUser().period(),
            limits.maxTracked());
    this.securityLog = securityLog;
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = key(request);
    Optional<Duration> wait = budgets.take(key);
    if (wait.isPresent()) {
      if (announced.firstIn(key, java.time.Instant.now())) {
        securityLog.rateLimited("api", key, request.getRemoteAddr(), wait.get());
      }
      TooManyRequests.write(response, mapper, wait.get(), "Too many requests");
      return;
    }
    chain.doFilter(request, response);
  }

  private static String key(HttpServletRequest request) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    return user == null
            || !user.isAuthenticated()
            || user instanceof AnonymousAuthenticationToken
            || user.getName() == null
        ? "source:" + request.getRemoteAddr()
        : "user:" + user.getName();
  }
}
