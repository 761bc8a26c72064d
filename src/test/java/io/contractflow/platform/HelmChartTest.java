package io.contractflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart rendered by real Helm (helm-java's native library): the values an operator sets become the
 * platform's configuration, and the {@code keycloak} switch turns the profile and its settings on.
 */
class HelmChartTest {

  private static final Path CHART = Path.of("helm", "contractflow");

  /** The values a minimal install must give (see values.yaml). */
  private static TemplateCommand minimal() {
    return new Helm(CHART).template().withName("cf")
        .set("postgresql.host", "db.example.internal")
        .set("postgresql.existingSecret", "contractflow-db")
        .set("documents.encryption.existingSecret", "contractflow-documents")
        .set("signing.seal.existingSecret", "contractflow-seal")
        .set("signing.publicBaseUrl", "https://contracts.example.com")
        .set("search.url", "https://opensearch.search.svc:9200");
  }

  @Test
  void withoutKeycloakThePlatformKeepsItsOwnUsers() {
    Map<String, Object> env = env(render(minimal().set("admin.existingSecret", "contractflow-admin")));

    assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod");
    assertThat(env).containsKeys("CONTRACTFLOW_ADMIN_USER", "CONTRACTFLOW_ADMIN_PASSWORD")
        .doesNotContainKeys("KEYCLOAK_ISSUER_URI", "KEYCLOAK_WEBAPP_CLIENT_SECRET");
    assertThat(kinds(render(minimal()))).doesNotContain("ConfigMap");
  }

  @Test
  void withKeycloakTheProfileTakesTheRealmsSettingsAndSecrets() throws IOException {
    List<Map<String, Object>> manifests = render(minimal()
        .set("admin.existingSecret", "contractflow-admin")
        .set("keycloak.enabled", "true")
        .set("keycloak.issuerUri", "https://id.example.com/realms/contractflow")
        .set("keycloak.backChannelUri", "http://keycloak.identity.svc:8080/realms/contractflow")
        .set("keycloak.existingSecret", "contractflow-keycloak"));
    Map<String, Object> env = env(manifests);

    assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod,keycloak");
    assertThat(env.get("KEYCLOAK_ISSUER_URI")).isEqualTo("https://id.example.com/realms/contractflow");
    assertThat(env.get("KEYCLOAK_BACKCHANNEL_URI"))
        .isEqualTo("http://keycloak.identity.svc:8080/realms/contractflow");
    assertThat(env.get("KEYCLOAK_AUDIENCE")).isEqualTo("contractflow-api");
    assertThat(env.get("KEYCLOAK_WEBAPP_CLIENT_SECRET").toString())
        .contains("name=contractflow-keycloak").contains("key=webapp-client-secret");
    assertThat(env.get("KEYCLOAK_IDENTITY_CLIENT_SECRET").toString())
        .contains("name=contractflow-keycloak").contains("key=identity-client-secret");
    // the realm owns the users: no first admin of the platform's own
    assertThat(env).doesNotContainKeys("CONTRACTFLOW_ADMIN_USER", "CONTRACTFLOW_ADMIN_PASSWORD");

    // the realm file ships with the chart, as the repository has it
    Map<String, Object> realm = manifests.stream().filter(m -> "ConfigMap".equals(m.get("kind"))).findFirst()
        .orElseThrow();
    assertThat(((Map<?, ?>) realm.get("metadata")).get("name")).isEqualTo("cf-contractflow-keycloak-realm");
    assertThat(((Map<?, ?>) realm.get("data")).get("contractflow-realm.json"))
        .isEqualTo(Files.readString(Path.of("keycloak", "contractflow-realm.json")).strip());
  }

  @Test
  void keycloakWithoutItsIssuerOrSecretIsRefused() {
    assertThatThrownBy(() -> minimal().set("keycloak.enabled", "true")
        .set("keycloak.existingSecret", "contractflow-keycloak").call())
        .hasMessageContaining("keycloak.issuerUri is required");
    assertThatThrownBy(() -> minimal().set("keycloak.enabled", "true")
        .set("keycloak.issuerUri", "https://id.example.com/realms/contractflow").call())
        .hasMessageContaining("keycloak.existingSecret is required");
  }

  @Test
  void theChartsRealmIsTheRepositorysRealm() throws IOException {
    assertThat(Files.readString(CHART.resolve("files/contractflow-realm.json")))
        .as("helm/contractflow/files/contractflow-realm.json is a copy of keycloak/contractflow-realm.json")
        .isEqualTo(Files.readString(Path.of("keycloak", "contractflow-realm.json")));
  }

  private static List<Map<String, Object>> render(TemplateCommand command) {
    List<Map<String, Object>> manifests = new ArrayList<>();
    for (Object document : new Yaml().loadAll(command.call())) {
      if (document instanceof Map<?, ?> manifest) {
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) manifest;
        manifests.add(typed);
      }
    }
    return manifests;
  }

  private static List<Object> kinds(List<Map<String, Object>> manifests) {
    return manifests.stream().map(m -> m.get("kind")).toList();
  }

  /** The application container's environment: each variable's value, or its valueFrom. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> env(List<Map<String, Object>> manifests) {
    Map<String, Object> deployment = manifests.stream().filter(m -> "Deployment".equals(m.get("kind"))).findFirst()
        .orElseThrow();
    Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment
        .get("spec")).get("template")).get("spec");
    Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
    Map<String, Object> env = new LinkedHashMap<>();
    for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
      env.put((String) variable.get("name"),
          variable.containsKey("value") ? variable.get("value") : variable.get("valueFrom"));
    }
    return env;
  }
}
