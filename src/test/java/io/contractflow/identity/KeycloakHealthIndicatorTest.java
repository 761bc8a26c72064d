package io.contractflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.contractflow.platform.health.HealthCheckProperties;
import io.contractflow.platform.health.HealthChecks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code keycloak} health component against a real HTTP server standing in for the realm's back
 * channel (KeycloakHealthKeycloakIT checks it against the real Keycloak): UP with the realm's keys,
 * DOWN when Keycloak is not there, answers with an error, or serves no keys.
 */
class KeycloakHealthIndicatorTest {

  private final HealthChecks checks =
      new HealthChecks(
          new HealthCheckProperties(Duration.ZERO, Duration.ofSeconds(5)), Clock.systemUTC());
  private HttpServer server;

  @AfterEach
  void stop() {
    checks.destroy();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void theRealmsKeysMeanUp() throws IOException {
    Health health =
        indicatorFor(serve(200, "{\"keys\":[{\"kid\":\"a\",\"kty\":\"RSA\"}]}")).health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("keys", 1);
    assertThat(health.getDetails().get("jwks").toString())
        .endsWith("/realms/contractflow/protocol/openid-connect/certs");
  }

  @Test
  void noKeycloakMeansDown() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort(); // free once closed: connections are refused
    }
    Health health = indicatorFor("http://127.0.0.1:" + closed).health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsKey("error");
  }

  @Test
  void anErrorOrNoKeysMeanDown() throws IOException {
    assertThat(indicatorFor(serve(503, "unavailable")).health().getStatus()).isEqualTo(Status.DOWN);
    server.stop(0);
    assertThat(indicatorFor(serve(200, "{\"keys\":[]}")).health().getStatus())
        .isEqualTo(Status.DOWN);
  }

  private KeycloakHealthIndicator indicatorFor(String base) {
    KeycloakProperties properties =
        new KeycloakProperties(
            "https://id.example.com/realms/contractflow",
            base + "/realms/contractflow",
            null,
            "contractflow-api",
            Duration.ofSeconds(30),
            new KeycloakProperties.WebappClient("contractflow-webapp", "s"),
            new KeycloakProperties.IdentityClient("contractflow-identity", "s", 1),
            null);
    return new KeycloakHealthIndicator(properties, checks);
  }

  private String serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/realms/contractflow/protocol/openid-connect/certs",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
