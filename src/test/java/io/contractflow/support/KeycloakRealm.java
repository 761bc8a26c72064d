package io.contractflow.support;

import java.nio.file.Path;

/**
 * The names fixed by the realm file {@code keycloak/contractflow-realm.json} (and its test-only
 * client {@code keycloak/contractflow-test-client.json}), in one place for the tests that talk to a
 * real Keycloak. The application's {@code keycloak} profile relies on the same names; change them
 * together with the realm file.
 */
public final class KeycloakRealm {

  /** The realm file, relative to the repository root; docker-compose imports the same file. */
  public static final Path REALM_FILE = Path.of("keycloak", "contractflow-realm.json");

  /**
   * The test-only password-grant client, added to the realm by {@link KeycloakServer}; never in
   * production.
   */
  public static final Path TEST_CLIENT_FILE = Path.of("keycloak", "contractflow-test-client.json");

  public static final String NAME = "contractflow";

  /**
   * The API's audience: every token meant for the API carries it in {@code aud}. It requests no
   * tokens.
   */
  public static final String API_CLIENT = "contractflow-api";

  /** Confidential client of the Camunda webapps' OIDC login (authorization code). */
  public static final String WEBAPP_CLIENT = "contractflow-webapp";

  public static final String WEBAPP_SECRET = "contractflow-webapp-secret";

  /** Public client of a browser frontend: authorization code with PKCE (S256) only. */
  public static final String FRONTEND_CLIENT = "contractflow-frontend";

  /**
   * Service account of the Camunda Keycloak identity plugin: view-users, query-users, query-groups.
   */
  public static final String IDENTITY_CLIENT = "contractflow-identity";

  public static final String IDENTITY_SECRET = "contractflow-identity-secret";

  /** Test only: the password grant, so tests get real tokens for the demo users. */
  public static final String TEST_CLIENT = "contractflow-test";

  public static final String TEST_SECRET = "contractflow-test-secret";

  /**
   * Test only: the test client again, but its access tokens expire after a second (the
   * expired-token attack).
   */
  public static final String SHORT_LIVED_TEST_CLIENT = "contractflow-test-short-lived";

  public static final int SHORT_LIVED_TOKEN_SECONDS = 1;

  /**
   * Test only: a second realm on the same server, a copy of ours under another name: the same
   * users, groups and clients (audience included), but another issuer and other signing keys (the
   * another-issuer attack).
   */
  public static final String OTHER_REALM = "contractflow-elsewhere";

  /** Access tokens live this long (the realm's {@code accessTokenLifespan}). */
  public static final int ACCESS_TOKEN_LIFESPAN_SECONDS = 300;

  private KeycloakRealm() {}
}
