package io.contractflow.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jose.util.Base64URL;
import io.contractflow.ContractFlowApplication;
import io.contractflow.support.Api;
import io.contractflow.support.FakeKeycloak;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code keycloak} profile against a stand-in realm ({@link FakeKeycloak}: WireMock, tokens
 * signed by the test): a token for each role reaches the API as that role, every token attack is a
 * 401 problem, an unreachable Keycloak a 503 problem, {@code /engine-rest} acts as the token's
 * caller, and Camunda's identity is the realm's (the identity plugin's calls are answered by the
 * stand-in). A platform of its own, in its own JVM (failsafe {@code own-platform}).
 */
@Tag("own-platform")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakProfileIT {

  private static FakeKeycloak keycloak;
  private static ConfigurableApplicationContext app;
  private static Api api;

  @BeforeAll
  static void start() {
    keycloak = new FakeKeycloak();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.profiles.active=keycloak,test",
                "--spring.datasource.url=",
                "--server.port=0",
                "--logging.file.name=",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--spring.application.name=contractflow-keycloak-it"));
    args.addAll(keycloak.settings());
    app =
        new SpringApplicationBuilder(ContractFlowApplication.class)
            .run(args.toArray(String[]::new));
    api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  private static Api.Call bearer(String token) {
    return api.anonymous().header("Authorization", "Bearer " + token);
  }

  @Test
  @Order(1) // before any token was checked: the keys are fetched at the first one
  void anUnreachableKeycloakFailsClosed() {
    StubMapping down =
        keycloak
            .server()
            .stubFor(
                any(urlPathMatching("/realms/.*/(\\.well-known/.*|protocol/openid-connect/certs)"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(503)));
    try {
      Api.Response response = bearer(keycloak.accessToken("leo")).get("/api/me");
      assertThat(response.status()).as(response.toString()).isEqualTo(503);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().get("type").asText())
          .isEqualTo("urn:contractflow:problem:identity-provider-unavailable");
    } finally {
      keycloak.server().removeStub(down);
    }
    assertThat(bearer(keycloak.accessToken("leo")).get("/api/me").status()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void aTokenForEachRoleReachesTheApiAsThatRole(Role role) {
    String user =
        io.contractflow.identity.DemoUser.ALL.stream()
            .filter(u -> u.role() == role)
            .findFirst()
            .orElseThrow()
            .username();
    Api.Response me = bearer(keycloak.accessToken(user)).get("/api/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().get("username").asText()).isEqualTo(user);
    assertThat(texts(me.json().get("groups"))).containsExactly(role.groupId());
    assertThat(texts(me.json().get("roles"))).containsExactly(role.groupId());
  }

  @Test
  void groupsMayArriveAsFullPathsAndUnknownGroupsGiveNoRole() {
    String token =
        keycloak.accessToken(
            "rita",
            claims ->
                claims.claim("groups", List.of("/requester", "/partners/acme", "newsletter")));
    Api.Response me = bearer(token).get("/api/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(texts(me.json().get("groups")))
        .containsExactlyInAnyOrder("requester", "partners/acme", "newsletter");
    assertThat(texts(me.json().get("roles"))).containsExactly("requester");
  }

  @Test
  void theRolesDecideAsInTheEmbeddedDefault() {
    Api.Response created =
        bearer(keycloak.accessToken("rita"))
            .post(
                "/api/counterparties",
                "{\"name\":\"Keycloak Ltd\",\"contactEmail\":\"legal@keycloak.example\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Api.Response byAuditor =
        bearer(keycloak.accessToken("audrey"))
            .post(
                "/api/counterparties",
                "{\"name\":\"Audited Ltd\",\"contactEmail\":\"legal@audited.example\"}");
    assertThat(byAuditor.status()).as(byAuditor.toString()).isEqualTo(403);
    assertThat(bearer(keycloak.accessToken("rita")).get("/actuator/prometheus").status())
        .isEqualTo(403);
    assertThat(bearer(keycloak.accessToken("admin")).get("/actuator/prometheus").status())
        .isEqualTo(200);
  }

  @Test
  void noTokenIsA401ProblemWithABearerChallenge() {
    Api.Response response = api.anonymous().get("/api/me");
    assertRefused(response);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertRefused(api.anonymous().get("/engine-rest/task"));
  }

  @Test
  void httpBasicIsOff() {
    assertRefused(api.as("rita").get("/api/me"));
    assertRefused(api.as("admin").get("/engine-rest/user"));
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
    String claims = keycloak.accessClaims("admin").build().toPayload().toBase64URL().toString();
    assertRefused(bearer(header + "." + claims + ".").get("/api/me"));
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    String forged =
        FakeKeycloak.sign(keycloak.accessClaims("admin").build(), keycloak.foreignKey());
    assertRefused(bearer(forged).get("/api/me"));
  }

  @Test
  void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
    var header =
        new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.HS256)
            .keyID(keycloak.signingKey().getKeyID())
            .build();
    var jwt = new com.nimbusds.jwt.SignedJWT(header, keycloak.accessClaims("admin").build());
    jwt.sign(
        new com.nimbusds.jose.crypto.MACSigner(
            keycloak.signingKey().toPublicJWK().toRSAPublicKey().getEncoded()));
    assertRefused(bearer(jwt.serialize()).get("/api/me"));
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    String token =
        keycloak.accessToken(
            "admin", claims -> claims.issuer(keycloak.server().baseUrl() + "/realms/other"));
    assertRefused(bearer(token).get("/api/me"));
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    assertRefused(
        bearer(keycloak.accessToken("admin", claims -> claims.audience(List.of("account"))))
            .get("/api/me"));
    assertRefused(
        bearer(keycloak.accessToken("admin", claims -> claims.audience((String) null)))
            .get("/api/me"));
  }

  @Test
  void anExpiredTokenIsRefusedBeyondTheClockSkew() {
    Instant past = Instant.now().minus(Duration.ofMinutes(5));
    assertRefused(
        bearer(
                keycloak.accessToken(
                    "admin",
                    claims ->
                        claims
                            .issueTime(Date.from(past.minusSeconds(300)))
                            .expirationTime(Date.from(past))))
            .get("/api/me"));
    assertRefused(
        bearer(keycloak.accessToken("admin", claims -> claims.expirationTime(null)))
            .get("/api/me"));
    Instant justNow = Instant.now().minusSeconds(5);
    Api.Response withinSkew =
        bearer(
                keycloak.accessToken(
                    "admin",
                    claims ->
                        claims
                            .issueTime(Date.from(justNow.minusSeconds(300)))
                            .expirationTime(Date.from(justNow))))
            .get("/api/me");
    assertThat(withinSkew.status()).as("within the clock skew: " + withinSkew).isEqualTo(200);
  }

  @Test
  void aTokenWithoutAUsernameIsRefused() {
    assertRefused(
        bearer(keycloak.accessToken("admin", claims -> claims.claim("preferred_username", null)))
            .get("/api/me"));
  }

  @Test
  void garbageIsRefused() {
    assertRefused(bearer("not-a-token").get("/api/me"));
    assertRefused(bearer(keycloak.accessToken("admin") + "x").get("/api/me"));
  }

  @Test
  void engineRestActsAsTheTokensCaller() {
    Api.Response leo = bearer(keycloak.accessToken("leo")).get(engineRest("/filter"));
    assertThat(leo.status()).as(leo.toString()).isEqualTo(200);
    assertThat(names(leo.json()))
        .contains("Legal review")
        .doesNotContain("Finance approval", "Escalated reviews");
    Api.Response fiona = bearer(keycloak.accessToken("fiona")).get(engineRest("/filter"));
    assertThat(names(fiona.json())).contains("Finance approval").doesNotContain("Legal review");
    Api.Response admin = bearer(keycloak.accessToken("admin")).get(engineRest("/filter"));
    assertThat(names(admin.json()))
        .contains("Legal review", "Finance approval", "Escalated reviews");
  }

  @Test
  void camundaReadsUsersAndGroupsFromTheRealmUnderTheirPlainNames() {
    IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
    assertThat(identity.isReadOnly()).isTrue();
    assertThat(identity.createGroupQuery().groupMember("leo").list())
        .extracting(g -> g.getId())
        .containsExactly("legal-reviewer");
    Api.Response groups = bearer(keycloak.accessToken("leo")).get(engineRest("/group?member=leo"));
    assertThat(groups.status()).as(groups.toString()).isEqualTo(200);
    assertThat(
            StreamSupport.stream(groups.json().spliterator(), false).map(g -> g.get("id").asText()))
        .containsExactly("legal-reviewer");
    keycloak
        .server()
        .verify(
            postRequestedFor(
                    urlPathEqualTo(keycloak.realmPath() + "/protocol/openid-connect/token"))
                .withRequestBody(containing("client_id=" + FakeKeycloak.IDENTITY_CLIENT)));
    // no demo users were created: the realm owns users
    assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
  }

  @Test
  void tasklistSignsInThroughKeycloakAndItsLogoutEndsTheKeycloakSession() {
    Browser browser = new Browser();
    String engine = app.getBean(ProcessEngine.class).getName();
    signIn(browser, "/camunda/app/tasklist/" + engine + "/", "leo", "code-leo", "refresh-leo");

    assertThat(browser.get("/camunda/app/tasklist/" + engine + "/").statusCode()).isEqualTo(200);
    JsonNode signedIn = Api.json(browser.get("/camunda/api/admin/auth/user/" + engine).body());
    assertThat(signedIn.get("userId").asText()).isEqualTo("leo");
    assertThat(texts(signedIn.get("authorizedApps")))
        .contains("tasklist")
        .doesNotContain("cockpit", "admin");
    // the links on a task's form: API reads with the browser's session
    JsonNode me = Api.json(browser.get("/api/me").body());
    assertThat(me.get("username").asText()).isEqualTo("leo");
    assertThat(texts(me.get("roles"))).containsExactly("legal-reviewer");
    // the webapps' own password login is closed
    assertThat(
            browser.post("/camunda/api/admin/auth/user/" + engine + "/login/tasklist").statusCode())
        .isEqualTo(403);

    // Tasklist's "Log out": the platform session ends, and Keycloak's with it (server to server)
    HttpResponse<String> logout =
        browser.post("/camunda/api/admin/auth/user/" + engine + "/logout");
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
    keycloak
        .server()
        .verify(
            postRequestedFor(
                    urlPathEqualTo(keycloak.realmPath() + "/protocol/openid-connect/logout"))
                .withRequestBody(containing("refresh_token=refresh-leo"))
                .withRequestBody(containing("client_id=" + FakeKeycloak.WEBAPP_CLIENT)));
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(browser.get("/camunda/app/tasklist/" + engine + "/").statusCode()).isEqualTo(302);
  }

  @Test
  void logoutEndsTheKeycloakSessionByAnOidcRedirect() {
    Browser browser = new Browser();
    String engine = app.getBean(ProcessEngine.class).getName();
    signIn(browser, "/camunda/app/cockpit/" + engine + "/", "admin", "code-admin", "refresh-admin");
    assertThat(browser.get("/camunda/app/cockpit/" + engine + "/").statusCode()).isEqualTo(200);

    HttpResponse<String> logout = browser.get("/logout");
    assertThat(logout.statusCode()).isEqualTo(302);
    String location = logout.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout?");
    Map<String, String> query = query(location);
    assertThat(query)
        .containsKey("id_token_hint")
        .containsEntry("post_logout_redirect_uri", api.baseUrl() + "/camunda/app/");
    assertThat(browser.get("/camunda/app/cockpit/" + engine + "/").statusCode()).isEqualTo(302);
  }

  @Test
  void theWorkspaceSignsInWithThePublicClientAndPkceAndItsSessionCallsTheApi() {
    Browser browser = new Browser();
    HttpResponse<String> toLogin = browser.get("/");
    assertThat(toLogin.statusCode()).isEqualTo(302);
    assertThat(toLogin.headers().firstValue("Location").orElseThrow())
        .endsWith("/oauth2/authorization/workspace");
    HttpResponse<String> toKeycloak =
        browser.get(toLogin.headers().firstValue("Location").orElseThrow());
    Map<String, String> request = query(toKeycloak.headers().firstValue("Location").orElseThrow());
    assertThat(request)
        .containsEntry("client_id", FakeKeycloak.FRONTEND_CLIENT)
        .containsEntry("code_challenge_method", "S256")
        .containsKey("code_challenge");

    StubMapping grant =
        keycloak.answerCodeGrant(
            FakeKeycloak.FRONTEND_CLIENT,
            "code-rita",
            "rita",
            request.get("nonce"),
            "refresh-rita");
    try {
      HttpResponse<String> back =
          browser.get(
              request.get("redirect_uri")
                  + "?code=code-rita&state="
                  + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
      assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    } finally {
      keycloak.server().removeStub(grant);
    }
    // a public client: no secret, the PKCE verifier instead
    keycloak
        .server()
        .verify(
            postRequestedFor(
                    urlPathEqualTo(keycloak.realmPath() + "/protocol/openid-connect/token"))
                .withRequestBody(containing("code=code-rita"))
                .withRequestBody(containing("code_verifier="))
                .withRequestBody(containing("client_id=" + FakeKeycloak.FRONTEND_CLIENT)));
    assertThat(browser.get("/").statusCode()).isEqualTo(200);

    JsonNode me = Api.json(browser.get("/api/me").body());
    assertThat(me.get("username").asText()).isEqualTo("rita");
    assertThat(texts(me.get("roles"))).containsExactly("requester");
    assertThat(
            browser
                .postJson("/api/counterparties", counterpartyBody().toString(), null)
                .statusCode())
        .as("a change through the session without its CSRF token")
        .isEqualTo(403);
    HttpResponse<String> added =
        browser.postJson("/api/counterparties", counterpartyBody().toString(), browser.csrfToken());
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

    // signing out ends the Keycloak session too, by the OIDC redirect, back to the workspace
    HttpResponse<String> out = browser.signOut();
    assertThat(out.statusCode()).isEqualTo(302);
    String location = out.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout?");
    assertThat(query(location))
        .containsKey("id_token_hint")
        .containsEntry("post_logout_redirect_uri", api.baseUrl() + "/");
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode counterpartyBody() {
    com.fasterxml.jackson.databind.node.ObjectNode body =
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    body.put("name", "Counterparty " + java.util.UUID.randomUUID().toString().substring(0, 8));
    body.put("contactEmail", "legal@example.com");
    return body;
  }

  /**
   * The authorization-code login as a browser makes it, with Keycloak's part played by the test.
   */
  private static void signIn(
      Browser browser, String page, String user, String code, String refreshToken) {
    HttpResponse<String> toLogin = browser.get(page);
    assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
    HttpResponse<String> toKeycloak =
        browser.get(toLogin.headers().firstValue("Location").orElseThrow());
    assertThat(toKeycloak.statusCode()).isEqualTo(302);
    String authorize = toKeycloak.headers().firstValue("Location").orElseThrow();
    assertThat(authorize).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?");
    Map<String, String> request = query(authorize);
    assertThat(request)
        .containsEntry("client_id", FakeKeycloak.WEBAPP_CLIENT)
        .containsEntry("response_type", "code");
    assertThat(request.get("scope")).contains("openid");

    StubMapping grant = keycloak.answerCodeGrant(code, user, request.get("nonce"), refreshToken);
    try {
      HttpResponse<String> back =
          browser.get(
              request.get("redirect_uri")
                  + "?code="
                  + code
                  + "&state="
                  + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
      assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
      assertThat(back.headers().firstValue("Location").orElseThrow()).contains(page);
    } finally {
      keycloak.server().removeStub(grant);
    }
  }

  private static Map<String, String> query(String url) {
    Map<String, String> values = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  /** A browser without JavaScript: keeps cookies, follows no redirects. */
  private static final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    HttpResponse<String> get(String pathOrUrl) {
      return send(
          HttpRequest.newBuilder(uri(pathOrUrl))
              .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
              .GET());
    }

    HttpResponse<String> post(String path) {
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin")));
    }

    /** The workspace's CSRF token, from its cookie. */
    String csrfToken() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("CF-XSRF-TOKEN"))
          .map(java.net.HttpCookie::getValue)
          .findFirst()
          .orElseThrow();
    }

    HttpResponse<String> postJson(String path, String json, String csrf) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json));
      if (csrf != null) {
        request.header("X-CF-XSRF-TOKEN", csrf);
      }
      return send(request);
    }

    HttpResponse<String> signOut() {
      return send(
          HttpRequest.newBuilder(uri("/signout"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "_csrf=" + URLEncoder.encode(csrfToken(), StandardCharsets.UTF_8))));
    }

    private static URI uri(String pathOrUrl) {
      return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : api.baseUrl() + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The engine's REST path: this platform's engine has a name of its own (other platforms share the
   * JVM).
   */
  private static String engineRest(String path) {
    return "/engine-rest/engine/" + app.getBean(ProcessEngine.class).getName() + path;
  }

  private static void assertRefused(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("type").asText())
        .isEqualTo("urn:contractflow:problem:unauthorized");
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
