package io.contractflow.identity;

import io.contractflow.support.KeycloakPlatform;
import io.contractflow.support.KeycloakServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The same authorization matrix, whole, against the platform in the {@code keycloak} profile: every
 * caller signs in with a bearer token from a real password grant on the real Keycloak, and
 * Camunda's users and groups come from the realm. One authorization model for both modes: the
 * requests, the callers and the answers expected are those of {@link AuthorizationMatrixIT}.
 */
@Tag("keycloak")
@KeycloakPlatform
class AuthorizationMatrixKeycloakIT extends AuthorizationMatrixIT {

  /**
   * Before the Spring context: skips the class where the Keycloak distribution is missing (outside
   * CI).
   */
  @BeforeAll
  static void keycloak() {
    KeycloakServer.shared();
  }
}
