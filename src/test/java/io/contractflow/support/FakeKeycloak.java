package io.contractflow.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.contractflow.identity.DemoUser;
import io.contractflow.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A stand-in for a Keycloak realm, for fast tests of the {@code keycloak} profile: WireMock on a
 * free loopback port serves what the platform asks Keycloak for — the realm's OIDC discovery
 * document and its signing keys (JWKS), the token endpoint (the identity plugin's
 * client-credentials grant, the webapps' authorization-code grant), the end session endpoint, and
 * the admin API's user and group reads the camunda-platform-7-keycloak plugin makes — shaped as
 * Keycloak documents them. Tokens are signed here with a key only this class holds. Users are the
 * demo users, each in their role's top-level group. The real-server tests prove the same against
 * Keycloak itself.
 */
public final class FakeKeycloak implements AutoCloseable {

  public static final String REALM = "contractflow";
  public static final String AUDIENCE = "contractflow-api";
  public static final String WEBAPP_CLIENT = "contractflow-webapp";
  public static final String WEBAPP_SECRET = "webapp-secret";
  public static final String FRONTEND_CLIENT = "contractflow-frontend";
  public static final String IDENTITY_CLIENT = "contractflow-identity";
  public static final String IDENTITY_SECRET = "identity-secret";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer server;
  private final RSAKey signingKey;

  public FakeKeycloak() {
    server =
        new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    try {
      signingKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    stubRealm();
    stubAdminApi();
  }

  public WireMockServer server() {
    return server;
  }

  public String issuer() {
    return server.baseUrl() + "/realms/" + REALM;
  }

  public String realmPath() {
    return "/realms/" + REALM;
  }

  /** The arguments that point the platform's keycloak profile at this realm. */
  public List<String> settings() {
    return List.of(
        "--KEYCLOAK_ISSUER_URI=" + issuer(),
        "--KEYCLOAK_IDENTITY_CLIENT_SECRET=" + IDENTITY_SECRET,
        "--KEYCLOAK_WEBAPP_CLIENT_SECRET=" + WEBAPP_SECRET);
  }

  /**
   * An access token for the API as Keycloak would issue it to {@code user}, in their demo role's
   * group.
   */
  public String accessToken(String user) {
    return accessToken(user, claims -> claims);
  }

  /** An access token for {@code user}, with its claims changed by {@code change} before signing. */
  public String accessToken(String user, UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(change.apply(accessClaims(user)).build(), signingKey);
  }

  /**
   * The claims of a valid access token for {@code user}: issuer, audience, expiry, username and
   * groups.
   */
  public JWTClaimsSet.Builder accessClaims(String user) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .subject(userId(user))
        .audience(List.of(AUDIENCE, "account"))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString())
        .claim("typ", "Bearer")
        .claim("azp", WEBAPP_CLIENT)
        .claim("preferred_username", user)
        .claim("groups", List.of(roleOf(user).groupId()));
  }

  /** Signs claims with the realm's key. */
  public String sign(JWTClaimsSet claims) {
    return sign(claims, signingKey);
  }

  /** Signs claims with any key, under the realm key's id (a forgery). */
  public static String sign(JWTClaimsSet claims, RSAKey key) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** A key pair the realm never published, under the realm key's id. */
  public RSAKey foreignKey() {
    try {
      return new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public RSAKey signingKey() {
    return signingKey;
  }

  /**
   * Answers the webapp client's authorization-code grant with tokens for {@code user}: an ID token
   * carrying the login's {@code nonce}, an access token and a refresh token.
   */
  public StubMapping answerCodeGrant(String code, String user, String nonce, String refreshToken) {
    return answerCodeGrant(WEBAPP_CLIENT, code, user, nonce, refreshToken);
  }

  /**
   * Answers {@code client}'s authorization-code grant (the webapps' or the workspace's), with the
   * user's groups in the ID token as the realm's group mapper puts them.
   */
  public StubMapping answerCodeGrant(
      String client, String code, String user, String nonce, String refreshToken) {
    Instant now = Instant.now();
    String idToken =
        sign(
            new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(userId(user))
                .audience(client)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", nonce)
                .claim("azp", client)
                .claim("typ", "ID")
                .claim("preferred_username", user)
                .claim("groups", List.of(roleOf(user).groupId()))
                .build());
    ObjectNode body =
        JSON.createObjectNode()
            .put("access_token", accessToken(user))
            .put("token_type", "Bearer")
            .put("expires_in", 300)
            .put("refresh_token", refreshToken)
            .put("refresh_expires_in", 1800)
            .put("id_token", idToken)
            .put("scope", "openid");
    return server.stubFor(
        post(urlPathEqualTo(realmPath() + "/protocol/openid-connect/token"))
            .withRequestBody(containing("grant_type=authorization_code"))
            .withRequestBody(containing("code=" + code))
            .willReturn(okJson(body.toString())));
  }

  public static Role roleOf(String user) {
    return DemoUser.ALL.stream()
        .filter(u -> u.username().equals(user))
        .findFirst()
        .map(DemoUser::role)
        .orElseThrow(() -> new IllegalArgumentException("no demo user " + user));
  }

  /** Keycloak's internal id of a user: a UUID in Keycloak, a readable stand-in here. */
  public static String userId(String user) {
    return "u-" + user;
  }

  @Override
  public void close() {
    server.stop();
  }

  private void stubRealm() {
    String issuer = issuer();
    String oidc = issuer + "/protocol/openid-connect";
    ObjectNode discovery =
        JSON.createObjectNode()
            .put("issuer", issuer)
            .put("authorization_endpoint", oidc + "/auth")
            .put("token_endpoint", oidc + "/token")
            .put("userinfo_endpoint", oidc + "/userinfo")
            .put("end_session_endpoint", oidc + "/logout")
            .put("jwks_uri", oidc + "/certs");
    discovery
        .putArray("grant_types_supported")
        .add("authorization_code")
        .add("client_credentials")
        .add("refresh_token");
    discovery.putArray("response_types_supported").add("code");
    discovery.putArray("subject_types_supported").add("public");
    discovery.putArray("id_token_signing_alg_values_supported").add("RS256");
    discovery
        .putArray("token_endpoint_auth_methods_supported")
        .add("client_secret_basic")
        .add("client_secret_post");
    discovery.putArray("scopes_supported").add("openid").add("profile").add("email");
    server.stubFor(
        get(urlPathEqualTo(realmPath() + "/.well-known/openid-configuration"))
            .willReturn(okJson(discovery.toString())));
    server.stubFor(
        get(urlPathEqualTo(realmPath() + "/protocol/openid-connect/certs"))
            .willReturn(okJson(new JWKSet(signingKey.toPublicJWK()).toString())));
    // the identity plugin's service account
    server.stubFor(
        post(urlPathEqualTo(realmPath() + "/protocol/openid-connect/token"))
            .withRequestBody(containing("grant_type=client_credentials"))
            .withRequestBody(containing("client_id=" + IDENTITY_CLIENT))
            .withRequestBody(containing("client_secret=" + IDENTITY_SECRET))
            .willReturn(
                okJson(
                    JSON.createObjectNode()
                        .put("access_token", "service-account-token")
                        .put("token_type", "Bearer")
                        .put("expires_in", 300)
                        .put("refresh_token", "service-account-refresh")
                        .toString())));
    server.stubFor(
        post(urlPathEqualTo(realmPath() + "/protocol/openid-connect/logout"))
            .willReturn(aResponse().withStatus(204)));
  }

  private void stubAdminApi() {
    String admin = "/admin/realms/" + REALM;
    ArrayNode allGroups = JSON.createArrayNode();
    for (Role role : Role.values()) {
      ObjectNode group = group(role);
      allGroups.add(group);
      server.stubFor(
          get(urlPathEqualTo(admin + "/group-by-path/" + role.groupId()))
              .withHeader("Authorization", equalTo("Bearer service-account-token"))
              .willReturn(okJson(group.toString())));
    }
    server.stubFor(get(urlPathEqualTo(admin + "/groups")).willReturn(okJson(allGroups.toString())));
    server.stubFor(get(urlPathEqualTo(admin + "/users")).atPriority(10).willReturn(okJson("[]")));
    for (DemoUser demo : DemoUser.ALL) {
      ObjectNode user =
          JSON.createObjectNode()
              .put("id", userId(demo.username()))
              .put("username", demo.username())
              .put("firstName", demo.firstName())
              .put("lastName", demo.lastName())
              .put("email", demo.email())
              .put("enabled", true);
      server.stubFor(
          get(urlPathEqualTo(admin + "/users"))
              .withQueryParam("username", equalTo(demo.username()))
              .willReturn(okJson(JSON.createArrayNode().add(user).toString())));
      server.stubFor(
          get(urlPathEqualTo(admin + "/users/" + userId(demo.username())))
              .willReturn(okJson(user.toString())));
      server.stubFor(
          get(urlPathEqualTo(admin + "/users/" + userId(demo.username()) + "/groups"))
              .willReturn(okJson(JSON.createArrayNode().add(group(demo.role())).toString())));
    }
  }

  private static ObjectNode group(Role role) {
    ObjectNode group =
        JSON.createObjectNode()
            .put("id", UUID.nameUUIDFromBytes(role.groupId().getBytes()).toString())
            .put("name", role.groupId())
            .put("path", "/" + role.groupId());
    group.putArray("subGroups");
    return group;
  }
}
