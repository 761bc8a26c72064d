package io.contractflow.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the {@code keycloak} profile finds Keycloak and what it expects of its tokens. Only read
 * with that profile; the embedded default ignores it. Nothing is read from Keycloak at start-up:
 * its endpoints are Keycloak's fixed paths under the realm, so the platform may start before
 * Keycloak does.
 *
 * @param issuerUri the realm's issuer as browsers reach it, e.g. {@code
 *     http://localhost:8180/realms/contractflow}: every token's {@code iss} must equal it, and the
 *     webapps' login and logout pages are under it
 * @param backChannelUri the same realm as the platform itself reaches it, when that address differs
 *     (e.g. {@code http://keycloak:8080/realms/contractflow} inside a container network): keys,
 *     token, user info, session end and the admin API are called there; the issuer when unset
 * @param adminUri the realm's admin API for the identity plugin; derived from the back channel when
 *     unset ({@code .../realms/X} becomes {@code .../admin/realms/X})
 * @param audience what a token's {@code aud} must contain to be accepted by the API
 * @param clockSkew how far a token's {@code exp}/{@code nbf} may be off the platform's clock
 * @param webapp the confidential client Tasklist, Cockpit and Admin sign in with (authorization
 *     code)
 * @param identity the service-account client the Camunda identity plugin reads users and groups
 *     with
 * @param frontend the public client (authorization code with PKCE) the workspace signs in with
 */
@ConfigurationProperties("contractflow.keycloak")
public record KeycloakProperties(
    String issuerUri,
    String backChannelUri,
    String adminUri,
    @DefaultValue("contractflow-api") String audience,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue WebappClient webapp,
    @DefaultValue IdentityClient identity,
    @DefaultValue FrontendClient frontend) {

  /** Without a workspace client configured: the realm's default one. */
  public KeycloakProperties {
    frontend = frontend == null ? new FrontendClient("contractflow-frontend") : frontend;
  }

  /** The workspace's login client: public, no secret, PKCE. */
  public record FrontendClient(@DefaultValue("contractflow-frontend") String clientId) {}

  /** The webapps' login client. */
  public record WebappClient(
      @DefaultValue("contractflow-webapp") String clientId, String clientSecret) {}

  /**
   * The identity plugin's confidential client (client credentials grant, realm-management
   * view/query rights), and for how many minutes the plugin keeps what it read (users, groups,
   * memberships); 0 reads every time.
   */
  public record IdentityClient(
      @DefaultValue("contractflow-identity") String clientId,
      String clientSecret,
      @DefaultValue("1") int cacheMinutes) {}

  /** The issuer without a trailing slash; fails when it is not configured. */
  public String issuer() {
    if (issuerUri == null || issuerUri.isBlank()) {
      throw new IllegalStateException(
          "The keycloak profile needs KEYCLOAK_ISSUER_URI (contractflow.keycloak.issuer-uri)");
    }
    return withoutTrailingSlash(issuerUri);
  }

  /** Where the platform calls the realm: the back channel if one is configured, else the issuer. */
  public String backChannel() {
    return backChannelUri == null || backChannelUri.isBlank()
        ? issuer()
        : withoutTrailingSlash(backChannelUri);
  }

  /**
   * One of the realm's OpenID Connect endpoints on the back channel, e.g. {@code token}, {@code
   * certs}.
   */
  public String backChannelEndpoint(String name) {
    return backChannel() + "/protocol/openid-connect/" + name;
  }

  /**
   * One of the realm's OpenID Connect endpoints as browsers reach it, e.g. {@code auth}, {@code
   * logout}.
   */
  public String browserEndpoint(String name) {
    return issuer() + "/protocol/openid-connect/" + name;
  }

  /** The admin API of the issuer's realm. */
  public String adminApi() {
    if (adminUri != null && !adminUri.isBlank()) {
      return withoutTrailingSlash(adminUri);
    }
    String realm = backChannel();
    int realms = realm.lastIndexOf("/realms/");
    if (realms < 0) {
      throw new IllegalStateException(
          "Cannot derive Keycloak's admin API from " + realm + ": set KEYCLOAK_ADMIN_URI");
    }
    return realm.substring(0, realms) + "/admin" + realm.substring(realms);
  }

  private static String withoutTrailingSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
