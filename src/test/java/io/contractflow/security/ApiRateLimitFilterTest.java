package io.contractflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The API budget: per user when signed in, per address otherwise; over it a 429 problem with
 * Retry-After.
 */
class ApiRateLimitFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiRateLimitFilter filter =
      new ApiRateLimitFilter(
          new SecurityProperties(
              new SecurityProperties.Login(
                  3, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15), 1000),
              new SecurityProperties.RateLimits(
                  true,
                  new SecurityProperties.FailedLogins(50, Duration.ofMinutes(10)),
                  new SecurityProperties.ApiRequests(3, Duration.ofMinutes(1)),
                  1000),
              new SecurityProperties.BasicAuth(Duration.ofSeconds(30), 1000)),
          new SecurityLog(),
          JSON);

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  private MockHttpServletResponse call(String user, String address) throws Exception {
    SecurityContextHolder.clearContext();
    if (user != null) {
      SecurityContextHolder.getContext()
          .setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/contracts");
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void aUserOverTheBudgetGets429WithRetryAfterWhileOthersGoOn() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call("rita", "10.0.0.1").getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = call("rita", "10.0.0.2");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 20L);
    var problem = JSON.readTree(refused.getContentAsString());
    assertThat(problem.get("type").asText())
        .isEqualTo("urn:contractflow:problem:too-many-requests");
    assertThat(problem.get("status").asInt()).isEqualTo(429);

    // another user from the same address, and callers without a login from elsewhere, have budgets
    // of their own
    assertThat(call("ravi", "10.0.0.1").getStatus()).isEqualTo(200);
    assertThat(call(null, "10.0.0.3").getStatus()).isEqualTo(200);
  }

  @Test
  void callersWithoutALoginShareTheirAddresssBudget() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call(null, "10.0.0.9").getStatus()).isEqualTo(200);
    }
    assertThat(call(null, "10.0.0.9").getStatus()).isEqualTo(429);
    assertThat(call(null, "10.0.0.10").getStatus()).isEqualTo(200);
  }

  @Test
  void theDelayDoublesFromTheFirstUpToTheCap() {
    SecurityProperties.Login login =
        new SecurityProperties.Login(
            3, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15), 1000);
    assertThat(login.delayAfter(3)).isZero();
    assertThat(login.delayAfter(4)).hasSeconds(1);
    assertThat(login.delayAfter(5)).hasSeconds(2);
    assertThat(login.delayAfter(6)).hasSeconds(4);
    assertThat(login.delayAfter(12)).hasSeconds(256);
    assertThat(login.delayAfter(13)).isEqualTo(Duration.ofMinutes(5));
    assertThat(login.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(5));
  }
}
