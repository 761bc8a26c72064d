package io.contractflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The platform around the API: the Camunda webapps and their login, the engine REST API under
 * Camunda's authorizations, OpenAPI, and the operator's endpoints.
 */
class PlatformIT extends IntegrationTest {

  @ParameterizedTest(name = "{0} signs in to {1}: {2}")
  @CsvSource({
    "admin, tasklist, 200",
    "admin, cockpit, 200",
    "admin, admin, 200",
    "rita, tasklist, 200",
    "rita, cockpit, 403",
    "rita, admin, 403",
    "audrey, cockpit, 200",
    "audrey, admin, 403",
    "leo, tasklist, 200"
  })
  void theWebappsLetInWhoeverTheirGroupsAllow(String user, String app, int expected)
      throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(url("/camunda/app/" + app + "/default/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html");
    // the webapp's CSRF guard: the token it set as a cookie goes back as a header, with the session
    // cookie
    List<HttpCookie> cookies = new java.util.ArrayList<>();
    for (Optional<HttpResponse<String>> r = Optional.of(page);
        r.isPresent();
        r = r.get().previousResponse()) {
      r.get().headers().allValues("Set-Cookie").forEach(c -> cookies.addAll(HttpCookie.parse(c)));
    }
    String xsrf =
        cookies.stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow();
    String cookieHeader =
        cookies.stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));

    String form = "username=" + enc(user) + "&password=" + enc(user);
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .header("Cookie", cookieHeader)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).as(login.body()).isEqualTo(expected);
    if (expected == 200) {
      JsonNode session = JSON.readTree(login.body());
      assertThat(session.get("userId").asText()).isEqualTo(user);
      assertThat(session.get("authorizedApps")).extracting(JsonNode::asText).contains(app);
    }
  }

  @Test
  void theEngineRestApiAppliesCamundaAuthorizations() throws IOException {
    byte[] model = Files.readAllBytes(Path.of("processes/contract-lifecycle.bpmn"));

    assertThat(deploy("rita", model).status()).isEqualTo(403);
    assertThat(deploy("audrey", model).status()).isEqualTo(403);
    Api.Response byAdmin = deploy("admin", model);
    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);

    assertThat(
            api.as("rita")
                .post(
                    "/engine-rest/user/create",
                    JSON.createObjectNode()
                        .set("profile", JSON.createObjectNode().put("id", "mallory")))
                .status())
        .isEqualTo(403);
    assertThat(
            api.as("audrey").get("/engine-rest/process-definition?key=contract-lifecycle").json())
        .isNotEmpty();
  }

  @Test
  void theEngineRestApiShowsRequestersOnlyWhatTheyMaySee() {
    createContract("rita");

    // process instances are not Tasklist's: a requester's query is refused outright
    // (EngineSurfaceFilter)
    Api.Response seenByRita =
        api.as("rita").get("/engine-rest/process-instance?processDefinitionKey=contract-lifecycle");
    JsonNode seenByAdmin =
        api.as("admin")
            .get("/engine-rest/process-instance?processDefinitionKey=contract-lifecycle")
            .json();

    assertThat(seenByRita.status()).as(seenByRita.toString()).isEqualTo(403);
    assertThat(seenByAdmin).isNotEmpty();
  }

  @Test
  void theModelsInProcessesAreDeployed() {
    assertThat(api.as("admin").get("/engine-rest/process-definition?key=contract-lifecycle").json())
        .hasSize(1);
    assertThat(api.as("admin").get("/engine-rest/decision-definition?key=approvers").json())
        .hasSize(1);
  }

  @Test
  void openApiDescribesTheContractApi() {
    Api.Response docs = api.anonymous().get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.json().get("paths");
    assertThat(paths.has("/api/contracts")).isTrue();
    assertThat(paths.has("/api/contracts/{id}")).isTrue();
    assertThat(paths.has("/api/counterparties")).isTrue();
    assertThat(api.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void operatorsGetProbesAndMetrics() {
    assertThat(api.anonymous().get("/actuator/health/liveness").json().get("status").asText())
        .isEqualTo("UP");
    assertThat(api.anonymous().get("/actuator/health/readiness").json().get("status").asText())
        .isEqualTo("UP");
    assertThat(api.anonymous().get("/actuator/health").json().has("components")).isFalse();
    assertThat(api.as("admin").get("/actuator/health").json().get("components").has("db")).isTrue();

    assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(api.as("rita").get("/actuator/prometheus").status()).isEqualTo(403);
    Api.Response metrics = api.as("admin").get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .contains("http_server_requests_seconds")
        .contains("hikaricp_connections_active");
  }

  private Api.Response deploy(String user, byte[] model) {
    String boundary = "cf" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nit-"
            + user
            + "\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"it-"
            + user
            + ".bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + new String(model, StandardCharsets.UTF_8)
                .replace("contract-lifecycle", "it-deployed-" + user)
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

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
