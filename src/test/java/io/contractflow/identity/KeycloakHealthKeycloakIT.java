package io.contractflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.KeycloakPlatform;
import io.contractflow.support.KeycloakServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code keycloak} health component against the real Keycloak: UP with the realm's keys read
 * over the back channel, shown to a contract admin (a bearer token) and not part of readiness.
 */
@Tag("keycloak")
@KeycloakPlatform
class KeycloakHealthKeycloakIT extends IntegrationTest {

  /**
   * Before the Spring context: skips the class where the Keycloak distribution is missing (outside
   * CI).
   */
  @BeforeAll
  static void keycloak() {
    KeycloakServer.shared();
  }

  @Test
  void theRealmsKeysAreReadableOverTheBackChannel() {
    Api.Response health = api.as("admin").get("/actuator/health");
    assertThat(health.status()).as(health.toString()).isIn(200, 503);
    JsonNode keycloak = health.json().get("components").get("keycloak");
    assertThat(keycloak.get("status").asText()).isEqualTo("UP");
    assertThat(keycloak.get("details").get("jwks").asText())
        .isEqualTo(KeycloakServer.shared().backChannelUri() + "/protocol/openid-connect/certs");
    assertThat(keycloak.get("details").get("keys").asInt()).isPositive();

    Api.Response readiness = api.as("admin").get("/actuator/health/readiness");
    assertThat(readiness.json().get("components").has("keycloak")).isFalse();
  }
}
