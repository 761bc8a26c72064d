package io.contractflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.JwtContent;
import io.contractflow.support.KeycloakPlatform;
import io.contractflow.support.KeycloakRealm;
import io.contractflow.support.KeycloakServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code keycloak} profile against the real Keycloak with the repository's realm: tokens from
 * real grants reach the API and {@code /engine-rest} as their user and role; each token attack is
 * refused with a 401 problem (no token, {@code alg: none}, a changed payload under the original
 * signature, a token of another realm on the same server, a token for another audience, an expired
 * token); Camunda's users and groups are the realm's, read through the identity plugin's service
 * account.
 */
@Tag("keycloak")
@KeycloakPlatform
class KeycloakPlatformIT extends IntegrationTest {

  private static KeycloakServer keycloak;

  @Autowired private IdentityService identity;

  /**
   * Before the Spring context: skips the class where the Keycloak distribution is missing (outside
   * CI).
   */
  @BeforeAll
  static void keycloak() {
    keycloak = KeycloakServer.shared();
  }

  static Stream<Arguments> demoUsers() {
    return DemoUser.ALL.stream().map(user -> Arguments.of(user.username(), user.role().groupId()));
  }

  @ParameterizedTest(name = "{0}''s token from the realm reaches the API as {1}")
  @MethodSource("demoUsers")
  void aTokenFromTheRealmReachesTheApiAsItsUserAndRole(String user, String group) {
    Api.Response me = bearer(keycloak.tokenFor(user)).get("/api/me");

    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().get("username").asText()).isEqualTo(user);
    assertThat(texts(me.json().get("roles"))).containsExactly(group);
  }

  @Test
  void noTokenIsRefused() {
    Api.Response response = api.anonymous().get("/api/contracts");
    assertRefused(response);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertRefused(api.anonymous().get("/engine-rest/task"));
  }

  @Test
  void passwordsAreNotTakenByThePlatformItself() {
    Api basic = new Api(port);
    assertRefused(basic.as("admin").get("/api/contracts"));
    assertRefused(basic.as("admin").get("/engine-rest/user"));
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String[] parts = keycloak.tokenFor("rita").split("\\.");
    String none = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");

    assertRefused(bearer(none + "." + parts[1] + ".").get("/api/contracts"));
    assertRefused(bearer(none + "." + parts[1] + ".").get("/engine-rest/task"));
  }

  @Test
  void aChangedPayloadUnderTheOriginalSignatureIsRefused() {
    String token = keycloak.tokenFor("rita");
    String[] parts = token.split("\\.");
    ObjectNode claims = (ObjectNode) JwtContent.payload(token);
    claims.putArray("groups").add("contract-admin");
    String promoted = parts[0] + "." + base64Url(claims.toString()) + "." + parts[2];

    assertThat(bearer(token).get("/api/contracts").status())
        .as("the token as issued")
        .isEqualTo(200);
    assertRefused(bearer(promoted).get("/api/contracts"));
    assertRefused(bearer(promoted).get("/engine-rest/user"));
    // and a signature that is not the issuer's at all
    String flipped =
        parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
    assertRefused(bearer(parts[0] + "." + parts[1] + "." + flipped).get("/api/contracts"));
  }

  @Test
  void aTokenOfAnotherRealmIsRefused() {
    String token =
        keycloak
            .passwordGrant(KeycloakRealm.OTHER_REALM, KeycloakRealm.TEST_CLIENT, "admin", "admin")
            .accessToken();
    JsonNode claims = JwtContent.payload(token);
    // the same user, group and audience; only the issuer (and its keys) differ
    assertThat(claims.get("iss").asText()).isEqualTo(keycloak.issuerUri(KeycloakRealm.OTHER_REALM));
    assertThat(texts(claims.get("groups"))).containsExactly("contract-admin");
    assertThat(audience(claims)).contains(KeycloakRealm.API_CLIENT);

    assertRefused(bearer(token).get("/api/contracts"));
    assertRefused(bearer(token).get("/engine-rest/user"));
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    String token =
        keycloak
            .clientCredentialsGrant(KeycloakRealm.IDENTITY_CLIENT, KeycloakRealm.IDENTITY_SECRET)
            .accessToken();
    JsonNode claims = JwtContent.payload(token);
    assertThat(claims.get("iss").asText()).isEqualTo(keycloak.issuerUri());
    assertThat(audience(claims)).doesNotContain(KeycloakRealm.API_CLIENT);

    assertRefused(bearer(token).get("/api/contracts"));
    assertRefused(bearer(token).get("/engine-rest/user"));
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token =
        keycloak
            .passwordGrant(
                KeycloakRealm.NAME, KeycloakRealm.SHORT_LIVED_TEST_CLIENT, "admin", "admin")
            .accessToken();
    JsonNode claims = JwtContent.payload(token);
    // otherwise a token like any other: the realm's issuer, the API's audience, the admin's group
    assertThat(claims.get("iss").asText()).isEqualTo(keycloak.issuerUri());
    assertThat(audience(claims)).contains(KeycloakRealm.API_CLIENT);
    assertThat(texts(claims.get("groups"))).containsExactly("contract-admin");
    Instant expiry = Instant.ofEpochSecond(claims.get("exp").asLong());
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong())
        .isEqualTo(KeycloakRealm.SHORT_LIVED_TOKEN_SECONDS);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));
    assertRefused(bearer(token).get("/api/contracts"));
    assertRefused(bearer(token).get("/engine-rest/task"));
  }

  @Test
  void garbageIsRefused() {
    assertRefused(bearer("not-a-token").get("/api/contracts"));
    assertRefused(bearer(keycloak.tokenFor("admin") + "x").get("/api/contracts"));
  }

  @Test
  void camundaReadsUsersAndGroupsFromTheRealm() {
    assertThat(identity.isReadOnly()).isTrue();
    assertThat(identity.createGroupQuery().groupMember("leo").list())
        .extracting(g -> g.getId())
        .containsExactly("legal-reviewer");
    assertThat(identity.createUserQuery().userId("leo").singleResult().getEmail())
        .isEqualTo("leo@contractflow.example");

    Api.Response members = api.as("admin").get("/engine-rest/user?memberOfGroup=requester");
    assertThat(members.status()).as(members.toString()).isEqualTo(200);
    assertThat(
            StreamSupport.stream(members.json().spliterator(), false)
                .map(u -> u.get("id").asText()))
        .containsExactlyInAnyOrder("rita", "ravi");
    Api.Response groups = api.as("leo").get("/engine-rest/group?member=leo");
    assertThat(
            StreamSupport.stream(groups.json().spliterator(), false).map(g -> g.get("id").asText()))
        .containsExactly("legal-reviewer");
    // the realm owns users: none was created in Camunda's own tables, and none can be
    assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
  }

  @Test
  void engineRestActsAsTheTokensCaller() throws Exception {
    Api.Response leo = api.as("leo").get("/engine-rest/filter");
    assertThat(leo.status()).as(leo.toString()).isEqualTo(200);
    assertThat(names(leo.json()))
        .contains("Legal review")
        .doesNotContain("Finance approval", "Escalated reviews");
    Api.Response admin = api.as("admin").get("/engine-rest/filter");
    assertThat(names(admin.json()))
        .contains("Legal review", "Finance approval", "Escalated reviews");

    // deploying models and administering users are the admin's alone
    byte[] model = Files.readAllBytes(Path.of("processes/contract-lifecycle.bpmn"));
    assertThat(deploy("leo", model).status()).isEqualTo(403);
    assertThat(deploy("audrey", model).status()).isEqualTo(403);
    Api.Response byAdmin = deploy("admin", model);
    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
    Api.Response createUser =
        api.as("rita")
            .post(
                "/engine-rest/user/create",
                JSON.createObjectNode()
                    .set("profile", JSON.createObjectNode().put("id", "mallory")));
    assertThat(createUser.status()).as(createUser.toString()).isEqualTo(403);
  }

  private Api.Response deploy(String user, byte[] model) {
    String boundary = "cf" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nkc-"
            + user
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"kc-"
            + user
            + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + new String(model, StandardCharsets.UTF_8)
                .replace("contract-lifecycle", "kc-deployed-" + user)
            + "\r\n--"
            + boundary
            + "--\r\n";
    return api.as(user)
        .send(
            "POST",
            "/engine-rest/deployment/create",
            body,
            "multipart/form-data; boundary=" + boundary);
  }

  private Api.Call bearer(String token) {
    return api.anonymous().header("Authorization", "Bearer " + token);
  }

  private static void assertRefused(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("type").asText())
        .isEqualTo("urn:contractflow:problem:unauthorized");
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> audience(JsonNode claims) {
    JsonNode aud = claims.path("aud");
    return aud.isArray() ? texts(aud) : List.of(aud.asText());
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> names(JsonNode filters) {
    return StreamSupport.stream(filters.spliterator(), false)
        .map(f -> f.get("name").asText())
        .toList();
  }
}
