package io.contractflow.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the {@code keycloak} profile finds Keycloak and what it expects of its tokens. Only read with that profile;
 * the embedded default ignores it. The webapps' login client is Spring Boot's own
 * {@code spring.security.oauth2.client.registration.keycloak} (see {@code application-keycloak.yml}).
 *
 * @param issuerUri the realm's issuer, e.g. {@code http://localhost:8180/realms/contractflow}: its discovery document
 *     names the signing keys, and every token's {@code iss} must equal it
 * @param adminUri the realm's admin API for the identity plugin; derived from the issuer when unset
 *     ({@code .../realms/X} becomes {@code .../admin/realms/X})
 * @param audience what a token's {@code aud} must contain to be accepted by the API
 * @param clockSkew how far a token's {@code exp}/{@code nbf} may be off the platform's clock
 * @param identity the service-account client the Camunda identity plugin reads users and groups with
 */
@ConfigurationProperties("contractflow.keycloak")
public record KeycloakProperties(
    String issuerUri,
    String adminUri,
    @DefaultValue("contractflow-api") String audience,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue IdentityClient identity) {

  /** The identity plugin's confidential client (client credentials grant, realm-management view/query rights). */
  public record IdentityClient(@DefaultValue("contractflow-identity") String clientId, String clientSecret) {}

  /** The issuer without a trailing slash; fails when it is not configured. */
  public String issuer() {
    if (issuerUri == null || issuerUri.isBlank()) {
      throw new IllegalStateException("The keycloak profile needs KEYCLOAK_ISSUER_URI (contractflow.keycloak.issuer-uri)");
    }
    return issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
  }

  /** The admin API of the issuer's realm. */
  public String adminApi() {
    if (adminUri != null && !adminUri.isBlank()) {
      return adminUri.endsWith("/") ? adminUri.substring(0, adminUri.length() - 1) : adminUri;
    }
    String issuer = issuer();
    int realms = issuer.lastIndexOf("/realms/");
    if (realms < 0) {
      throw new IllegalStateException("Cannot derive Keycloak's admin API from " + issuer + ": set KEYCLOAK_ADMIN_URI");
    }
    return issuer.substring(0, realms) + "/admin" + issuer.substring(realms);
  }
}
