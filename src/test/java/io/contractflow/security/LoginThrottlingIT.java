package io.contractflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.HttpFrom;
import io.contractflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Wrong passwords cannot lock anybody out: they are throttled per account <em>and source
 * address</em>, with growing delays, and never for good. Two real client addresses on one machine
 * (127.0.0.x, {@link HttpFrom}) play the attacker and the account's owner. The security log records
 * every step.
 */
class LoginThrottlingIT extends IntegrationTest {

  private final ListAppender<ILoggingEvent> securityLog = new ListAppender<>();

  @BeforeEach
  void captureTheSecurityLog() {
    securityLog.start();
    ((Logger) LoggerFactory.getLogger(SecurityLog.LOGGER)).addAppender(securityLog);
  }

  @AfterEach
  void stopCapturing() {
    ((Logger) LoggerFactory.getLogger(SecurityLog.LOGGER)).detachAppender(securityLog);
  }

  private static Map<String, String> basic(String user, String password) {
    return Map.of(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void twentyWrongPasswordsFromOneSourceDoNotStopTheAdminSigningInFromAnother() {
    HttpFrom attacker = new HttpFrom("127.0.0.2", port);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // a forged X-Forwarded-For does not make the attacker someone else: no proxy is trusted here
      Map<String, String> headers = new java.util.HashMap<>(basic("admin", "guess-" + i));
      headers.put("X-Forwarded-For", "127.0.0.1");
      HttpFrom.Response response = attacker.get("/api/me", headers);
      statuses.add(response.status());
      if (response.status() == 429) {
        assertTooManyRequests(response);
      }
    }
    assertThat(statuses).containsOnly(401, 429).contains(429);
    assertThat(statuses.subList(0, 3))
        .as("the first wrong passwords are answered")
        .containsOnly(401);

    // the admin, from their own address, over the API, the engine REST API and the webapps' login
    // form
    assertThat(api.as("admin").get("/api/me").status()).isEqualTo(200);
    assertThat(new HttpFrom("127.0.0.1", port).get("/api/me", basic("admin", "admin")).status())
        .isEqualTo(200);
    assertThat(
            new HttpFrom("127.0.0.1", port)
                .get("/engine-rest/user/admin/profile", basic("admin", "admin"))
                .status())
        .isEqualTo(200);
    assertThat(webappLogin("127.0.0.1", "admin", "admin").status()).isEqualTo(200);

    assertThat(logged("login", "admin", "127.0.0.2"))
        .extracting(e -> fields(e).get("event.outcome"))
        .contains("failure");
    assertThat(logged("login-throttled", "admin", "127.0.0.2"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getLevel().toString()).isEqualTo("WARN"));
    assertThat(logged("login", "admin", "127.0.0.1"))
        .extracting(e -> fields(e).get("event.outcome"))
        .doesNotContain("failure")
        .contains("success");
  }

  @Test
  void repeatedFailuresWaitLongerAndLongerAndASuccessStartsAfresh() {
    HttpFrom client = new HttpFrom("127.0.0.3", port);
    for (int i = 0; i < 4; i++) {
      assertThat(client.get("/api/me", basic("sam", "wrong")).status())
          .as("failure " + (i + 1))
          .isEqualTo(401);
    }
    List<Long> retryAfter = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      HttpFrom.Response blocked = client.get("/api/me", basic("sam", "wrong"));
      assertTooManyRequests(blocked);
      retryAfter.add(Long.parseLong(blocked.header("Retry-After").orElseThrow()));
      // once the block is over the next wrong password is checked again, and blocks for twice as
      // long
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> client.get("/api/me", basic("sam", "wrong")).status() == 401);
    }
    assertThat(retryAfter).as("Retry-After grows").isSorted().doesNotHaveDuplicates();
    assertThat(retryAfter.get(0)).isEqualTo(1);
    assertThat(retryAfter.get(2)).isBetween(3L, 4L);

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> client.get("/api/me", basic("sam", "sam")).status() == 200);
    assertThat(logged("login", "sam", "127.0.0.3"))
        .anySatisfy(
            e -> {
              assertThat(fields(e))
                  .containsEntry("event.outcome", "success")
                  .containsEntry("contractflow.failures_before", 7);
              assertThat(e.getLevel().toString()).isEqualTo("INFO");
            });
    // after a success, wrong passwords are free again
    assertThat(client.get("/api/me", basic("sam", "wrong")).status()).isEqualTo(401);
    assertThat(client.get("/api/me", basic("sam", "sam")).status()).isEqualTo(200);
  }

  @Test
  void theWebappsLoginFormIsThrottledTheSameWay() {
    for (int i = 0; i < 4; i++) {
      assertThat(webappLogin("127.0.0.4", "leo", "wrong-" + i).status()).isEqualTo(401);
    }
    HttpFrom.Response blocked = webappLogin("127.0.0.4", "leo", "leo");
    assertTooManyRequests(blocked);
    // leo from elsewhere signs in, into Tasklist and over the API
    assertThat(webappLogin("127.0.0.1", "leo", "leo").status()).isEqualTo(200);
    assertThat(api.as("leo").get("/api/me").status()).isEqualTo(200);
    assertThat(logged("login-throttled", "leo", "127.0.0.4"))
        .anySatisfy(
            e -> assertThat(fields(e)).containsEntry("contractflow.surface", "webapp-login"));
    assertThat(logged("login", "leo", "127.0.0.1"))
        .anySatisfy(e -> assertThat(fields(e)).containsEntry("event.outcome", "success"));
  }

  @Test
  void theWorkspaceSignInFormIsLoggedAsItselfNotAsHttpBasic() {
    HttpFrom browser = new HttpFrom("127.0.0.7", port);
    String token = UUID.randomUUID().toString();
    Map<String, String> form =
        Map.of(
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            "CF-XSRF-TOKEN=" + token);
    HttpFrom.Response wrong =
        browser.send("POST", "/signin", form, "username=erin&password=wrong&_csrf=" + token);
    assertThat(wrong.header("Location").orElseThrow()).endsWith("/signin?error");
    HttpFrom.Response right =
        browser.send("POST", "/signin", form, "username=erin&password=erin&_csrf=" + token);
    assertThat(right.header("Location").orElseThrow()).doesNotContain("error");
    assertThat(logged("login", "erin", "127.0.0.7"))
        .hasSize(2)
        .allSatisfy(
            e -> assertThat(fields(e)).containsEntry("contractflow.surface", "workspace-login"));
  }

  @Test
  void aSourceGuessingManyAccountsRunsOutOfItsBudget() {
    HttpFrom sprayer = new HttpFrom("127.0.0.5", port);
    int refusedAt = -1;
    for (int i = 0; i < 60 && refusedAt < 0; i++) {
      HttpFrom.Response response =
          sprayer.get("/api/me", basic("nobody-" + UUID.randomUUID(), "password1"));
      if (response.status() == 429) {
        assertTooManyRequests(response);
        refusedAt = i;
      } else {
        assertThat(response.status()).isEqualTo(401);
      }
    }
    assertThat(refusedAt).as("the 51st wrong password from one address is refused").isEqualTo(50);
    assertThat(sprayer.get("/api/me", basic("rita", "rita")).status()).isEqualTo(429);
    assertThat(api.as("rita").get("/api/me").status()).isEqualTo(200);
    assertThat(securityLog.list)
        .anySatisfy(
            e ->
                assertThat(fields(e))
                    .containsEntry("event.action", "rate-limited")
                    .containsEntry("source.ip", "127.0.0.5"));
  }

  @Test
  void changesToUsersMembershipsAndAuthorizationsAreInTheSecurityLog() {
    String user = "sl" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created =
        api.as("admin")
            .post(
                "/engine-rest/user/create",
                JSON.createObjectNode()
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "profile",
                        JSON.createObjectNode()
                            .put("id", user)
                            .put("firstName", "Security")
                            .put("lastName", "Log")
                            .put("email", user + "@example.com"))
                    .set(
                        "credentials",
                        JSON.createObjectNode().put("password", "a-long-password-" + user)));
    assertThat(created.status()).as(created.toString()).isEqualTo(204);
    assertThat(api.as("admin").put("/engine-rest/group/auditor/members/" + user, null).status())
        .isEqualTo(204);
    assertThat(api.as("admin").delete("/engine-rest/group/auditor/members/" + user).status())
        .isEqualTo(204);
    assertThat(api.as("admin").delete("/engine-rest/user/" + user).status()).isEqualTo(204);

    List<Map<String, Object>> changes =
        securityLog.list.stream()
            .map(LoginThrottlingIT::fields)
            .filter(f -> "iam".equals(f.get("event.category")))
            .toList();
    assertThat(changes)
        .anySatisfy(
            f ->
                assertThat(f)
                    .containsEntry("event.action", "identity-create")
                    .containsEntry("contractflow.entity", "User")
                    .containsEntry("user.name", "admin"));
    // one event per changed property, as the engine reports them
    assertThat(changes)
        .anySatisfy(
            f ->
                assertThat(f)
                    .containsEntry("event.action", "identity-create")
                    .containsEntry("contractflow.entity", "Group membership")
                    .containsEntry("contractflow.change.groupId", "auditor")
                    .containsEntry("user.name", "admin"));
    assertThat(changes)
        .anySatisfy(
            f ->
                assertThat(f)
                    .containsEntry("event.action", "identity-create")
                    .containsEntry("contractflow.entity", "Group membership")
                    .containsEntry("contractflow.change.userId", user));
    assertThat(changes)
        .anySatisfy(
            f ->
                assertThat(f)
                    .containsEntry("event.action", "identity-delete")
                    .containsEntry("contractflow.entity", "Group membership"));
    assertThat(changes)
        .anySatisfy(
            f ->
                assertThat(f)
                    .containsEntry("event.action", "identity-delete")
                    .containsEntry("contractflow.entity", "User"));
    assertThat(securityLog.list)
        .noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("a-long-password"));
  }

  /**
   * Signs in on the webapps' own form from {@code source}, with the CSRF cookie and header the form
   * sends.
   */
  private HttpFrom.Response webappLogin(String source, String user, String password) {
    HttpFrom browser = new HttpFrom(source, port);
    HttpFrom.Response page = browser.get("/camunda/app/tasklist/default/", Map.of());
    Map<String, String> cookies =
        page.all("Set-Cookie").stream()
            .map(c -> c.split(";", 2)[0])
            .collect(
                Collectors.toMap(
                    c -> c.substring(0, c.indexOf('=')),
                    c -> c.substring(c.indexOf('=') + 1),
                    (a, b) -> b));
    String cookieHeader =
        cookies.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; "));
    return browser.send(
        "POST",
        "/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of(
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            cookieHeader,
            "X-XSRF-TOKEN",
            cookies.getOrDefault("XSRF-TOKEN", "")),
        "username=" + user + "&password=" + password);
  }

  private static void assertTooManyRequests(HttpFrom.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(429);
    assertThat(response.header("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(Long.parseLong(response.header("Retry-After").orElseThrow())).isBetween(1L, 300L);
    JsonNode problem = Api.json(response.body());
    assertThat(problem.get("type").asText())
        .isEqualTo("urn:contractflow:problem:too-many-requests");
    assertThat(problem.get("status").asInt()).isEqualTo(429);
  }

  private List<ILoggingEvent> logged(String action, String user, String source) {
    return securityLog.list.stream()
        .filter(
            e -> {
              Map<String, Object> f = fields(e);
              return action.equals(f.get("event.action"))
                  && user.equals(f.get("user.name"))
                  && source.equals(f.get("source.ip"));
            })
        .toList();
  }

  private static Map<String, Object> fields(ILoggingEvent event) {
    Map<String, Object> fields = new java.util.HashMap<>();
    if (event.getKeyValuePairs() != null) {
      event.getKeyValuePairs().forEach(kv -> fields.put(kv.key, kv.value));
    }
    return fields;
  }
}
