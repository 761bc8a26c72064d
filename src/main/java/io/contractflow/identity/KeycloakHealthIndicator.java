package io.contractflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.platform.health.CachedHealthCheck;
import io.contractflow.platform.health.HealthChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Health component {@code keycloak} (the {@code keycloak} profile): the realm's signing keys (JWKS)
 * can be read over the back channel, which is what checking a token needs. Not in the readiness
 * group: keys already read stay cached in the token decoder, and a Keycloak outage is the same for
 * every pod, so taking them out of service would only turn a partial outage (new sign-ins) into a
 * total one.
 */
@Component
@Profile("keycloak")
class KeycloakHealthIndicator implements HealthIndicator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CachedHealthCheck check;

  KeycloakHealthIndicator(KeycloakProperties properties, HealthChecks checks) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    URI jwks = URI.create(properties.backChannelEndpoint("certs"));
    this.check = checks.cached(() -> check(http, jwks));
  }

  @Override
  public Health health() {
    return check.health();
  }

  static Health check(HttpClient http, URI jwks) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(3)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Health.Builder health =
        Health.down()
            .withDetail("jwks", jwks.toString())
            .withDetail("httpStatus", response.statusCode());
    if (response.statusCode() != 200) {
      return health.build();
    }
    try {
      JsonNode keys = JSON.readTree(response.body()).path("keys");
      return (keys.isArray() && !keys.isEmpty() ? Health.up() : Health.down())
          .withDetail("jwks", jwks.toString())
          .withDetail("keys", keys.size())
          .build();
    } catch (IOException e) {
      return health.withDetail("error", "not a JWK set").build();
    }
  }
}
