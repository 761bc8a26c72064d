package io.contractflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs an {@link IntegrationTest} against the platform in the {@code keycloak} profile, signed in
 * through the real Keycloak of this test JVM ({@link KeycloakServer#shared()}, the realm file
 * imported): bearer tokens from real password grants on {@code /api} and {@code /engine-rest}, OIDC
 * login for the webapps, users and groups read by the identity plugin from the realm's admin API.
 * As in docker-compose, browsers reach Keycloak at the issuer's address (127.0.0.1) and the
 * platform at another one (localhost, its back channel). Every class so marked shares one Spring
 * context; they run in failsafe's {@code keycloak} execution, a JVM of their own.
 *
 * <p>The clock skew is zero here, so a token is refused the second after it expires.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ActiveProfiles(
    value = {"keycloak", "test"},
    inheritProfiles = false)
@ContextConfiguration(initializers = KeycloakPlatform.RealmSettings.class)
public @interface KeycloakPlatform {

  /** The profile's settings (as its environment variables) pointed at the test JVM's Keycloak. */
  final class RealmSettings
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      KeycloakServer keycloak = KeycloakServer.shared();
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "keycloak-test-realm",
                  java.util.Map.of(
                      "KEYCLOAK_ISSUER_URI",
                      keycloak.issuerUri(),
                      "KEYCLOAK_BACKCHANNEL_URI",
                      keycloak.backChannelUri(),
                      "KEYCLOAK_WEBAPP_CLIENT_SECRET",
                      KeycloakRealm.WEBAPP_SECRET,
                      "KEYCLOAK_IDENTITY_CLIENT_SECRET",
                      KeycloakRealm.IDENTITY_SECRET,
                      "KEYCLOAK_CLOCK_SKEW",
                      "0s")));
    }
  }
}
