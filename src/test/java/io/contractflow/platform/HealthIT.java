package io.contractflow.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.contractflow.document.storage.StorageProperties;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import io.contractflow.support.VendorStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Health per dependency, each stopped for real (OpenSearch: {@code search.OpenSearchHealthIT}): the
 * database and the document storage gate readiness (a pod that cannot use them takes no traffic);
 * OpenSearch, SMTP and the e-signature vendors only show DOWN in the details (the platform degrades
 * instead, and their outage is the same for every pod). The test profile checks on every call
 * ({@code contractflow.health.cache-ttl: 0s}).
 */
class HealthIT extends IntegrationTest {

  @Autowired StorageProperties storage;

  @Test
  void everyDependencyHasAComponentAndOnlyDatabaseAndStorageGateReadiness() {
    JsonNode components = details().get("components");
    assertThat(status(components, "db")).isEqualTo("UP");
    assertThat(status(components, "documentStorage")).isEqualTo("UP");
    assertThat(status(components, "openSearch")).isEqualTo("UP");
    assertThat(components.get("openSearch").get("details").get("aliasExists").asBoolean()).isTrue();
    assertThat(status(components, "smtp")).isEqualTo("UP");
    assertThat(components.get("smtp").get("details").get("server").asText())
        .isEqualTo("127.0.0.1:" + MailServer.shared().port());
    // the vendors the tests enable, each at its stub
    JsonNode esign = components.get("esign").get("components");
    assertThat(names(esign))
        .containsExactlyInAnyOrder("docusign", "adobeSign", "pandadoc", "rightSignature");
    assertThat(status(esign, "docusign")).isEqualTo("UP");
    assertThat(status(esign, "rightSignature")).isEqualTo("UP");
    assertThat(esign.get("rightSignature").get("details").get("url").asText())
        .isEqualTo(VendorStubs.baseUrl() + "/rightsignature");
    assertThat(esign.get("docusign").get("details").get("url").asText())
        .isEqualTo(VendorStubs.baseUrl() + "/docusign-auth");

    Api.Response readiness = api.as("admin").get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(names(readiness.json().get("components")))
        .containsExactlyInAnyOrder("readinessState", "db", "documentStorage");
    Api.Response liveness = api.as("admin").get("/actuator/health/liveness");
    assertThat(liveness.status()).isEqualTo(200);
    assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void theMailServerDownShowsInTheDetailsButThePodStaysReady() {
    MailServer.shared().stop();
    try {
      JsonNode smtp = details().get("components").get("smtp");
      assertThat(smtp.get("status").asText()).isEqualTo("DOWN");
      assertThat(smtp.get("details").get("error").asText()).isNotBlank();
      assertReady();
    } finally {
      MailServer.shared().start();
    }
    assertThat(status(details().get("components"), "smtp")).isEqualTo("UP");
  }

  @Test
  void aVendorAnsweringWithErrorsShowsInTheDetailsButThePodStaysReady() {
    StubMapping failing =
        VendorStubs.server()
            .stubFor(get(urlEqualTo("/docusign-auth")).willReturn(aResponse().withStatus(503)));
    try {
      JsonNode esign = details().get("components").get("esign");
      assertThat(esign.get("status").asText()).isEqualTo("DOWN");
      assertThat(status(esign.get("components"), "docusign")).isEqualTo("DOWN");
      assertThat(esign.get("components").get("docusign").get("details").get("httpStatus").asInt())
          .isEqualTo(503);
      assertThat(status(esign.get("components"), "adobeSign")).isEqualTo("UP");
      assertReady();
    } finally {
      VendorStubs.server().removeStub(failing);
    }
    assertThat(status(details().get("components").get("esign").get("components"), "docusign"))
        .isEqualTo("UP");
  }

  @Test
  void documentStorageGoneTakesThePodOutOfService() throws IOException {
    Path root = storage.filesystem().root().toAbsolutePath().normalize();
    Path aside = root.resolveSibling(root.getFileName() + "-unmounted");
    Files.move(root, aside); // like a volume that is no longer mounted
    try {
      assertThat(status(details().get("components"), "documentStorage")).isEqualTo("DOWN");
      Api.Response readiness = api.anonymous().get("/actuator/health/readiness");
      assertThat(readiness.status()).isEqualTo(503);
      assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
      // liveness is the JVM's own: no restart for a dependency
      assertThat(api.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    } finally {
      Files.move(aside, root);
    }
    assertReady();
  }

  static JsonNode details(Api api) {
    Api.Response health = api.as("admin").get("/actuator/health");
    assertThat(health.status()).as(health.toString()).isIn(200, 503);
    return health.json();
  }

  private JsonNode details() {
    return details(api);
  }

  private void assertReady() {
    Api.Response readiness = api.anonymous().get("/actuator/health/readiness");
    assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
    assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
  }

  private static String status(JsonNode components, String name) {
    assertThat(components.has(name)).as("health component %s in %s", name, components).isTrue();
    return components.get(name).get("status").asText();
  }

  private static List<String> names(JsonNode components) {
    List<String> names = new ArrayList<>();
    components.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
