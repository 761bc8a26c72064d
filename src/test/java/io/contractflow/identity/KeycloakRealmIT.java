package io.contractflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.support.JwtContent;
import io.contractflow.support.KeycloakBrowser;
import io.contractflow.support.KeycloakRealm;
import io.contractflow.support.KeycloakServer;
import io.contractflow.support.KeycloakServer.TokenResponse;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The realm file against a real Keycloak (started once per JVM by {@link KeycloakServer}, no
 * Spring): real grants give the demo users tokens with their group and the API's audience; the
 * frontend client cannot skip PKCE; the webapp client is confidential and only redirects to
 * loopback addresses; the identity plugin's service account reads users and groups and can change
 * nothing.
 */
@Tag("keycloak")
class KeycloakRealmIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CALLBACK = "http://localhost:43117/login/oauth2/code/keycloak";

  private static KeycloakServer keycloak;

  /**
   * Per test, not per class: a skip (no distribution outside CI) then shows in the report for each
   * test.
   */
  @BeforeEach
  void startKeycloak() {
    keycloak = KeycloakServer.shared();
  }

  static Stream<Arguments> demoUsers() {
    return DemoUser.ALL.stream().map(user -> Arguments.of(user.username(), user.role().groupId()));
  }

  @ParameterizedTest(name = "{0} gets a token for the API with group {1}")
  @MethodSource("demoUsers")
  void eachDemoUserGetsATokenWithExactlyTheirGroupAndTheApiAudience(String user, String group) {
    TokenResponse response = keycloak.passwordGrant(user, user);

    assertThat(response.ok()).as(response.toString()).isTrue();
    JsonNode header = JwtContent.header(response.accessToken());
    JsonNode claims = JwtContent.payload(response.accessToken());
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuerUri());
    assertThat(claims.path("preferred_username").asText()).isEqualTo(user);
    assertThat(texts(claims.path("groups"))).containsExactly(group);
    assertThat(audience(claims)).contains(KeycloakRealm.API_CLIENT);
    assertThat(claims.path("azp").asText()).isEqualTo(KeycloakRealm.TEST_CLIENT);
    assertThat(claims.path("email").asText()).isEqualTo(user + "@contractflow.example");
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong())
        .isEqualTo(KeycloakRealm.ACCESS_TOKEN_LIFESPAN_SECONDS);
    // the ID token names the user too, with the groups for the webapps' login
    JsonNode idToken = JwtContent.payload(response.body().path("id_token").asText());
    assertThat(texts(idToken.path("groups"))).containsExactly(group);
  }

  @Test
  void tokenForGivesAnAccessTokenOfTheUser() {
    JsonNode claims = JwtContent.payload(keycloak.tokenFor("rita"));

    assertThat(claims.path("preferred_username").asText()).isEqualTo("rita");
    assertThat(claims.path("typ").asText()).isEqualTo("Bearer");
  }

  @Test
  void aWrongPasswordOrAnUnknownUserGetsNoToken() {
    TokenResponse wrongPassword = keycloak.passwordGrant("ravi", "not-ravi");
    TokenResponse unknownUser = keycloak.passwordGrant("nobody-" + UUID.randomUUID(), "secret");

    assertThat(wrongPassword.status()).as(wrongPassword.toString()).isEqualTo(401);
    assertThat(wrongPassword.body().path("error").asText()).isEqualTo("invalid_grant");
    assertThat(unknownUser.status()).as(unknownUser.toString()).isEqualTo(401);
  }

  @Test
  void onlyTheTestClientHasThePasswordGrant() {
    TokenResponse webapp =
        keycloak.postForm(
            keycloak.tokenEndpoint(),
            KeycloakServer.form(
                "grant_type",
                "password",
                "client_id",
                KeycloakRealm.WEBAPP_CLIENT,
                "client_secret",
                KeycloakRealm.WEBAPP_SECRET,
                "username",
                "rita",
                "password",
                "rita"));
    TokenResponse frontend =
        keycloak.postForm(
            keycloak.tokenEndpoint(),
            KeycloakServer.form(
                "grant_type",
                "password",
                "client_id",
                KeycloakRealm.FRONTEND_CLIENT,
                "username",
                "rita",
                "password",
                "rita"));

    assertThat(webapp.status()).as(webapp.toString()).isIn(400, 401);
    assertThat(webapp.body().path("error").asText()).isEqualTo("unauthorized_client");
    assertThat(frontend.status()).as(frontend.toString()).isIn(400, 401);
    assertThat(frontend.body().path("error").asText()).isEqualTo("unauthorized_client");
  }

  @Test
  void theApiClientObtainsNoTokensOfItsOwn() {
    TokenResponse response =
        keycloak.postForm(
            keycloak.tokenEndpoint(),
            KeycloakServer.form(
                "grant_type", "client_credentials", "client_id", KeycloakRealm.API_CLIENT));

    assertThat(response.ok()).as(response.toString()).isFalse();
    assertThat(response.status()).isIn(400, 401);
  }

  @Nested
  class FrontendClient {

    @Test
    void refusesAnAuthorizationRequestWithoutPkce() {
      URI redirect =
          new KeycloakBrowser()
              .signIn(authorization(KeycloakRealm.FRONTEND_CLIENT, Map.of()), "rita", "rita");

      Map<String, String> answer = KeycloakBrowser.query(redirect);
      assertThat(redirect.toString()).startsWith(CALLBACK);
      assertThat(answer).containsEntry("error", "invalid_request").doesNotContainKey("code");
      assertThat(answer.get("error_description")).contains("code_challenge_method");
    }

    @Test
    void refusesThePlainChallengeMethod() {
      String verifier = verifier();
      URI redirect =
          new KeycloakBrowser()
              .signIn(
                  authorization(
                      KeycloakRealm.FRONTEND_CLIENT,
                      Map.of("code_challenge", verifier, "code_challenge_method", "plain")),
                  "rita",
                  "rita");

      assertThat(KeycloakBrowser.query(redirect))
          .containsEntry("error", "invalid_request")
          .doesNotContainKey("code");
    }

    @Test
    void exchangesTheCodeOnlyWithTheVerifierOfItsChallenge() {
      KeycloakBrowser browser = new KeycloakBrowser();
      String verifier = verifier();
      Map<String, String> pkce =
          Map.of("code_challenge", challenge(verifier), "code_challenge_method", "S256");

      // a code whose exchange leaves out the verifier is refused (and spent)
      String first =
          code(browser.signIn(authorization(KeycloakRealm.FRONTEND_CLIENT, pkce), "leo", "leo"));
      TokenResponse withoutVerifier = exchange(KeycloakRealm.FRONTEND_CLIENT, null, first, null);
      assertThat(withoutVerifier.ok()).as(withoutVerifier.toString()).isFalse();
      assertThat(withoutVerifier.status()).isEqualTo(400);
      assertThat(withoutVerifier.body().path("error").asText()).isEqualTo("invalid_grant");

      // so is one with another verifier; the browser's Keycloak session gives the codes without a
      // second login
      String second =
          code(browser.signIn(authorization(KeycloakRealm.FRONTEND_CLIENT, pkce), "leo", "leo"));
      TokenResponse wrongVerifier =
          exchange(KeycloakRealm.FRONTEND_CLIENT, null, second, verifier());
      assertThat(wrongVerifier.status()).as(wrongVerifier.toString()).isEqualTo(400);

      String third =
          code(browser.signIn(authorization(KeycloakRealm.FRONTEND_CLIENT, pkce), "leo", "leo"));
      TokenResponse tokens = exchange(KeycloakRealm.FRONTEND_CLIENT, null, third, verifier);
      assertThat(tokens.ok()).as(tokens.toString()).isTrue();
      JsonNode claims = JwtContent.payload(tokens.accessToken());
      assertThat(claims.path("preferred_username").asText()).isEqualTo("leo");
      assertThat(texts(claims.path("groups"))).containsExactly("legal-reviewer");
      assertThat(audience(claims)).contains(KeycloakRealm.API_CLIENT);
      assertThat(claims.path("azp").asText()).isEqualTo(KeycloakRealm.FRONTEND_CLIENT);
    }
  }

  @Nested
  class WebappClient {

    @Test
    void signsInThroughTheLoginPageAndNeedsItsSecretForTheCode() {
      KeycloakBrowser browser = new KeycloakBrowser();

      String first =
          code(
              browser.signIn(
                  authorization(KeycloakRealm.WEBAPP_CLIENT, Map.of()), "fiona", "fiona"));
      TokenResponse withoutSecret = exchange(KeycloakRealm.WEBAPP_CLIENT, null, first, null);
      assertThat(withoutSecret.ok()).as(withoutSecret.toString()).isFalse();
      assertThat(withoutSecret.status()).isIn(400, 401);

      String second =
          code(
              browser.signIn(
                  authorization(KeycloakRealm.WEBAPP_CLIENT, Map.of()), "fiona", "fiona"));
      TokenResponse tokens =
          exchange(KeycloakRealm.WEBAPP_CLIENT, KeycloakRealm.WEBAPP_SECRET, second, null);
      assertThat(tokens.ok()).as(tokens.toString()).isTrue();
      JsonNode claims = JwtContent.payload(tokens.accessToken());
      assertThat(claims.path("preferred_username").asText()).isEqualTo("fiona");
      assertThat(texts(claims.path("groups"))).containsExactly("finance-approver");
      assertThat(audience(claims)).contains(KeycloakRealm.API_CLIENT);
      JsonNode idToken = JwtContent.payload(tokens.body().path("id_token").asText());
      assertThat(texts(idToken.path("groups"))).containsExactly("finance-approver");
      assertThat(idToken.path("preferred_username").asText()).isEqualTo("fiona");
    }

    @Test
    void redirectsToLoopbackAddressesOnAnyPortOnly() {
      KeycloakBrowser browser = new KeycloakBrowser();

      for (String allowed :
          List.of(
              "http://localhost:8080/login/oauth2/code/keycloak",
              "http://127.0.0.1:51234/login/oauth2/code/keycloak")) {
        HttpResponse<String> page =
            browser.get(authorization(KeycloakRealm.WEBAPP_CLIENT, allowed, Map.of()));
        assertThat(page.statusCode()).as(allowed).isEqualTo(200);
        assertThat(page.body()).as(allowed).contains("kc-form-login");
      }
      for (String refused :
          List.of(
              "http://evil.example/login/oauth2/code/keycloak",
              "http://localhost.evil.example:8080/login/oauth2/code/keycloak",
              "https://localhost:8443/login/oauth2/code/keycloak")) {
        HttpResponse<String> page =
            browser.get(authorization(KeycloakRealm.WEBAPP_CLIENT, refused, Map.of()));
        assertThat(page.statusCode()).as(refused).isEqualTo(400);
        assertThat(page.body()).as(refused).doesNotContain("kc-form-login");
      }
    }

    @Test
    void logsOutBackToLoopbackAddressesOnly() {
      URI logout = URI.create(keycloak.issuerUri() + "/protocol/openid-connect/logout");
      KeycloakBrowser browser = new KeycloakBrowser();

      HttpResponse<String> allowed =
          browser.get(
              KeycloakBrowser.withQuery(
                  logout,
                  Map.of(
                      "client_id",
                      KeycloakRealm.WEBAPP_CLIENT,
                      "post_logout_redirect_uri",
                      "http://localhost:8080/camunda/")));
      HttpResponse<String> refused =
          browser.get(
              KeycloakBrowser.withQuery(
                  logout,
                  Map.of(
                      "client_id",
                      KeycloakRealm.WEBAPP_CLIENT,
                      "post_logout_redirect_uri",
                      "http://evil.example/")));

      assertThat(allowed.statusCode()).isEqualTo(302);
      assertThat(allowed.headers().firstValue("Location"))
          .hasValue("http://localhost:8080/camunda/");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Location")).isEmpty();
    }
  }

  @Nested
  class IdentityServiceAccount {

    private String token() {
      return keycloak
          .clientCredentialsGrant(KeycloakRealm.IDENTITY_CLIENT, KeycloakRealm.IDENTITY_SECRET)
          .accessToken();
    }

    @Test
    void listsUsersGroupsAndMembers() throws Exception {
      String token = token();

      HttpResponse<String> users = keycloak.get(keycloak.adminApi() + "/users?max=100", token);
      HttpResponse<String> groups = keycloak.get(keycloak.adminApi() + "/groups", token);

      assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
      assertThat(values(JSON.readTree(users.body()), "username"))
          .containsAll(DemoUser.ALL.stream().map(DemoUser::username).toList());
      assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
      JsonNode groupList = JSON.readTree(groups.body());
      assertThat(values(groupList, "name"))
          .containsExactlyInAnyOrderElementsOf(
              Stream.of(Role.values()).map(Role::groupId).toList());
      String legal =
          StreamSupport.stream(groupList.spliterator(), false)
              .filter(g -> g.path("name").asText().equals("legal-reviewer"))
              .findFirst()
              .orElseThrow()
              .path("id")
              .asText();
      HttpResponse<String> members =
          keycloak.get(keycloak.adminApi() + "/groups/" + legal + "/members", token);
      assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
      assertThat(values(JSON.readTree(members.body()), "username")).containsExactly("leo");
    }

    @Test
    void cannotCreateUsersNorReadClientsNorOtherRealms() {
      String token = token();

      HttpResponse<String> create =
          keycloak.postJson(
              keycloak.adminApi() + "/users",
              token,
              "{\"username\":\"mallory-" + UUID.randomUUID() + "\",\"enabled\":true}");
      HttpResponse<String> clients = keycloak.get(keycloak.adminApi() + "/clients", token);
      HttpResponse<String> master =
          keycloak.get(keycloak.baseUrl() + "/admin/realms/master/users", token);

      assertThat(create.statusCode()).as(create.body()).isEqualTo(403);
      assertThat(clients.statusCode()).as(clients.body()).isEqualTo(403);
      assertThat(master.statusCode()).as(master.body()).isEqualTo(403);
    }
  }

  // --- helpers
  // ----------------------------------------------------------------------------------------------------

  private static URI authorization(String clientId, Map<String, String> extra) {
    return authorization(clientId, CALLBACK, extra);
  }

  private static URI authorization(String clientId, String redirectUri, Map<String, String> extra) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("client_id", clientId);
    parameters.put("response_type", "code");
    parameters.put("scope", "openid");
    parameters.put("redirect_uri", redirectUri);
    parameters.put("state", UUID.randomUUID().toString());
    parameters.putAll(extra);
    return KeycloakBrowser.withQuery(keycloak.authorizationEndpoint(), parameters);
  }

  private static String code(URI redirect) {
    Map<String, String> answer = KeycloakBrowser.query(redirect);
    assertThat(redirect.toString()).startsWith(CALLBACK);
    assertThat(answer).as(redirect.toString()).containsKey("code").doesNotContainKey("error");
    return answer.get("code");
  }

  private static TokenResponse exchange(
      String clientId, String secret, String code, String verifier) {
    Map<String, String> form =
        KeycloakServer.form(
            "grant_type",
            "authorization_code",
            "client_id",
            clientId,
            "code",
            code,
            "redirect_uri",
            CALLBACK);
    if (secret != null) {
      form.put("client_secret", secret);
    }
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    return keycloak.postForm(keycloak.tokenEndpoint(), form);
  }

  /** An RFC 7636 code verifier: 32 random bytes, base64url (43 characters). */
  private static String verifier() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code aud} is a string for one audience and an array for several. */
  private static List<String> audience(JsonNode claims) {
    JsonNode aud = claims.path("aud");
    return aud.isArray() ? texts(aud) : List.of(aud.asText());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> values(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.path(field).asText()));
    return values;
  }
}
