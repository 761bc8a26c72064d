package io.contractflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart rendered by real Helm (helm-java's native library): the values an operator sets
 * become the platform's configuration, and the {@code keycloak} switch turns the profile and its
 * settings on.
 */
@Tag("helm")
class HelmChartTest {

  private static final Path CHART = Path.of("helm", "contractflow");

  /** The values a minimal install must give (see values.yaml). */
  private static TemplateCommand minimal() {
    return new Helm(CHART)
        .template()
        .withName("cf")
        .set("postgresql.host", "db.example.internal")
        .set("postgresql.existingSecret", "contractflow-db")
        .set("documents.encryption.existingSecret", "contractflow-documents")
        .set("signing.seal.existingSecret", "contractflow-seal")
        .set("signing.publicBaseUrl", "https://contracts.example.com")
        .set("search.url", "https://opensearch.search.svc:9200");
  }

  private static final Path PRODUCTION = Path.of("helm", "values-production.yaml");

  /** The values {@link #minimal()} sets, as a values file. */
  private static Map<String, Object> minimalValues() {
    return new Yaml()
        .load(
            """
        postgresql: {host: db.example.internal, existingSecret: contractflow-db}
        documents: {encryption: {existingSecret: contractflow-documents}}
        signing: {publicBaseUrl: "https://contracts.example.com", seal: {existingSecret: contractflow-seal}}
        search: {url: "https://opensearch.search.svc:9200"}
        """);
  }

  @Test
  void lintPassesStrictlyWithTheDefaultsAndWithTheProductionValues(@TempDir Path temp)
      throws IOException {
    LintResult defaults =
        new Helm(chartWithValues(temp.resolve("defaults"), minimalValues())).lint().strict().call();
    assertThat(defaults.isFailed()).as("%s", defaults.getMessages()).isFalse();
    assertThat(defaults.getMessages())
        .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));

    LintResult production =
        new Helm(chartWithValues(temp.resolve("production"), productionValues()))
            .lint()
            .strict()
            .call();
    assertThat(production.isFailed()).as("%s", production.getMessages()).isFalse();
    assertThat(production.getMessages())
        .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @Test
  void defaultsRunOnePodWithProbesOnActuatorAndAHardenedContainer() {
    List<Map<String, Object>> manifests = render(minimal());
    Map<String, Object> deployment = one(manifests, "Deployment", "cf-contractflow");
    Map<String, Object> spec = map(deployment, "spec");
    Map<String, Object> pod = map(map(spec, "template"), "spec");
    Map<String, Object> container = container(manifests);

    assertThat(kinds(manifests))
        .doesNotContain("HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor");
    assertThat(spec.get("replicas")).isEqualTo(1);
    assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
    assertThat(probePath(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
    assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
    assertThat(map(container, "resources")).containsKeys("requests", "limits");

    // rolling update that never drops below the desired count
    assertThat(map(spec, "strategy").get("type")).isEqualTo("RollingUpdate");
    assertThat(map(map(spec, "strategy"), "rollingUpdate"))
        .containsEntry("maxUnavailable", 0)
        .containsEntry("maxSurge", 1);
    // the grace period covers the preStop pause and Spring's 20 s graceful shutdown
    int preStop =
        Integer.parseInt(
            ((List<?>) map(map(map(container, "lifecycle"), "preStop"), "exec").get("command"))
                .get(1)
                .toString());
    assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(preStop + 20);

    // non-root, read-only root filesystem, a writable /tmp
    assertThat(map(pod, "securityContext")).containsEntry("runAsNonRoot", true);
    assertThat(map(container, "securityContext"))
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("allowPrivilegeEscalation", false);
    assertThat(list(container, "volumeMounts"))
        .anySatisfy(
            mount ->
                assertThat(mount).containsEntry("name", "tmp").containsEntry("mountPath", "/tmp"));
    assertThat(list(pod, "volumes"))
        .anySatisfy(
            volume -> assertThat(volume).containsEntry("name", "tmp").containsKey("emptyDir"));

    // preferably one pod per node
    Map<String, Object> antiAffinity = map(map(pod, "affinity"), "podAntiAffinity");
    assertThat(antiAffinity)
        .containsKey("preferredDuringSchedulingIgnoredDuringExecution")
        .doesNotContainKey("requiredDuringSchedulingIgnoredDuringExecution");

    // mail stays in the platform by default; no vendor is on
    Map<String, Object> env = env(manifests);
    assertThat(env)
        .containsEntry("CONTRACTFLOW_NOTIFICATIONS_DELIVERY", "inbox")
        .doesNotContainKeys("SPRING_MAIL_HOST", "SPRING_MAIL_PASSWORD");
    assertThat(env.keySet()).noneMatch(name -> name.startsWith("CONTRACTFLOW_SIGNING_DOCUSIGN"));
  }

  @Test
  void productionValuesScaleWithAnAutoscalerAndABudgetAndTakeEverySecretByReference()
      throws IOException {
    List<Map<String, Object>> manifests =
        render(new Helm(CHART).template().withName("cf").withValuesFile(PRODUCTION));
    Map<String, Object> deployment = one(manifests, "Deployment", "cf-contractflow");

    // the autoscaler owns the replica count
    assertThat(map(deployment, "spec")).doesNotContainKey("replicas");
    Map<String, Object> hpa = one(manifests, "HorizontalPodAutoscaler", "cf-contractflow");
    assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
    assertThat(map(hpa, "spec")).containsEntry("minReplicas", 3).containsEntry("maxReplicas", 6);
    assertThat(map(map(hpa, "spec"), "scaleTargetRef"))
        .containsEntry("kind", "Deployment")
        .containsEntry("name", "cf-contractflow");
    Map<String, Object> cpu = map(list(map(hpa, "spec"), "metrics").get(0), "resource");
    assertThat(cpu.get("name")).isEqualTo("cpu");
    assertThat(map(cpu, "target"))
        .containsEntry("type", "Utilization")
        .containsEntry("averageUtilization", 70);

    // the budget keeps two pods through drains and selects exactly the Deployment's pods
    Map<String, Object> pdb = one(manifests, "PodDisruptionBudget", "cf-contractflow");
    assertThat(map(pdb, "spec"))
        .containsEntry("minAvailable", 2)
        .doesNotContainKey("maxUnavailable");
    assertThat(map(map(pdb, "spec"), "selector"))
        .isEqualTo(map(map(deployment, "spec"), "selector"));

    Map<String, Object> env = env(manifests);
    assertThat(env)
        .containsEntry("SPRING_PROFILES_ACTIVE", "prod,keycloak")
        .containsEntry("CONTRACTFLOW_NOTIFICATIONS_DELIVERY", "smtp")
        .containsEntry("SPRING_MAIL_HOST", "smtp.example.com")
        .containsEntry("SPRING_MAIL_PORT", "587")
        .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH", "true")
        .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "true")
        .containsEntry("CONTRACTFLOW_SIGNING_DOCUSIGN_ENABLED", "true")
        .containsEntry("CONTRACTFLOW_SIGNING_DOCUSIGN_AUTHBASEURL", "https://account.docusign.com")
        .containsEntry("CONTRACTFLOW_SIGNING_RIGHTSIGNATURE_ENABLED", "true")
        .containsEntry(
            "CONTRACTFLOW_SIGNING_RIGHTSIGNATURE_BASEURL", "https://api.rightsignature.com")
        .doesNotContainKeys(
            "CONTRACTFLOW_SIGNING_PANDADOC_ENABLED", "CONTRACTFLOW_SIGNING_ADOBESIGN_ENABLED");
    // every secret from the operator's Secrets
    assertThat(secretRef(env, "PGPASSWORD")).containsEntry("name", "contractflow-db");
    assertThat(secretRef(env, "KEYCLOAK_WEBAPP_CLIENT_SECRET"))
        .containsEntry("name", "contractflow-keycloak");
    assertThat(secretRef(env, "CONTRACTFLOW_DOCUMENTS_ENCRYPTION_MASTERKEY"))
        .containsEntry("name", "contractflow-documents");
    assertThat(secretRef(env, "CONTRACTFLOW_DOCUMENTS_STORAGE_S3_SECRETKEY"))
        .containsEntry("name", "contractflow-s3");
    assertThat(secretRef(env, "CONTRACTFLOW_SIGNING_SEAL_PASSWORD"))
        .containsEntry("name", "contractflow-seal");
    assertThat(secretRef(env, "OPENSEARCH_PASSWORD"))
        .containsEntry("name", "contractflow-opensearch");
    assertThat(secretRef(env, "OPENSEARCH_TRUSTSTORE_PASSWORD"))
        .containsEntry("name", "contractflow-opensearch-ca");
    assertThat(secretRef(env, "SPRING_MAIL_USERNAME")).containsEntry("name", "contractflow-smtp");
    assertThat(secretRef(env, "SPRING_MAIL_PASSWORD"))
        .containsEntry("name", "contractflow-smtp")
        .containsEntry("key", "password");
    assertThat(secretRef(env, "CONTRACTFLOW_SIGNING_DOCUSIGN_PRIVATEKEY"))
        .containsEntry("name", "contractflow-docusign")
        .containsEntry("key", "private-key");
    assertThat(secretRef(env, "CONTRACTFLOW_SIGNING_RIGHTSIGNATURE_PRIVATETOKEN"))
        .containsEntry("name", "contractflow-rightsignature")
        .containsEntry("key", "private-token")
        .containsEntry("optional", true);
    assertThat(secretRef(env, "CONTRACTFLOW_SIGNING_RIGHTSIGNATURE_REFRESHTOKEN"))
        .containsEntry("name", "contractflow-rightsignature");

    // the ServiceMonitor scrapes the Prometheus endpoint with a token from the realm
    Map<String, Object> endpoint =
        list(map(one(manifests, "ServiceMonitor", "cf-contractflow"), "spec"), "endpoints").get(0);
    assertThat(endpoint)
        .containsEntry("port", "http")
        .containsEntry("path", "/actuator/prometheus");
    assertThat(map(endpoint, "oauth2").get("tokenUrl"))
        .isEqualTo(
            "http://keycloak.identity.svc:8080/realms/contractflow/protocol/openid-connect/token");
  }

  @Test
  void theConfigMapHoldsNoSecretAndNoVariableIsSetTwice() throws IOException {
    List<Map<String, Object>> manifests =
        render(new Helm(CHART).template().withName("cf").withValuesFile(PRODUCTION));
    @SuppressWarnings("unchecked")
    Map<String, Object> config =
        (Map<String, Object>) map(one(manifests, "ConfigMap", "cf-contractflow-config"), "data");
    assertThat(config.keySet())
        .noneMatch(
            name ->
                name.matches(
                    ".*(PASSWORD|SECRET|SECRETKEY|TOKEN|PRIVATEKEY|MASTERKEY|APIKEY|HMACKEYS|SHAREDKEY|ACCESSKEY).*"));
    assertThat(config.values())
        .noneMatch(
            value -> value.toString().contains("BEGIN") || value.toString().contains("change-me"));

    List<Object> names =
        list(container(manifests), "env").stream().map(v -> v.get("name")).toList();
    assertThat(names).doesNotHaveDuplicates().doesNotContainAnyElementsOf(config.keySet());
    // every variable of the container that is not in the ConfigMap comes from a Secret, or from the
    // pod itself
    assertThat(list(container(manifests), "env"))
        .allSatisfy(
            variable ->
                assertThat(variable).as("%s", variable.get("name")).containsKey("valueFrom"));
    assertThat(list(container(manifests), "env"))
        .filteredOn(v -> "CONTRACTFLOW_CLUSTER_NODENAME".equals(v.get("name")))
        .singleElement()
        .extracting(v -> v.get("valueFrom").toString())
        .asString()
        .contains("metadata.name");
  }

  @Test
  void aPodDisruptionBudgetOnlyWithMoreThanOnePod() {
    assertThat(kinds(render(minimal()))).doesNotContain("PodDisruptionBudget");
    Map<String, Object> pdb =
        one(render(minimal().set("replicaCount", "2")), "PodDisruptionBudget", "cf-contractflow");
    assertThat(map(pdb, "spec")).containsEntry("minAvailable", 1);
    assertThat(
            kinds(
                render(
                    minimal()
                        .set("replicaCount", "2")
                        .set("podDisruptionBudget.enabled", "false"))))
        .doesNotContain("PodDisruptionBudget");
  }

  @Test
  void aChangedSettingRollsThePods() {
    Object before =
        map(
                map(
                    map(one(render(minimal()), "Deployment", "cf-contractflow"), "spec"),
                    "template"),
                "metadata")
            .get("annotations");
    Object after =
        map(
                map(
                    map(
                        one(
                            render(minimal().set("mail.from", "Contracts <c@example.com>")),
                            "Deployment",
                            "cf-contractflow"),
                        "spec"),
                    "template"),
                "metadata")
            .get("annotations");
    assertThat(before).isNotEqualTo(after);
  }

  @Test
  void aVendorOrSmtpWithoutItsSettingsIsRefused() {
    assertThatThrownBy(() -> minimal().set("esign.rightSignature.enabled", "true").call())
        .hasMessageContaining("esign.rightSignature.existingSecret is required");
    assertThatThrownBy(() -> minimal().set("mail.delivery", "smtp").call())
        .hasMessageContaining("mail.host is required");
  }

  @Test
  void auditAnchorsGoToS3AndObjectLockTakesABucketOfItsOwn() {
    // the root filesystem is read-only and pods come and go: the anchors go to the documents' S3
    Map<String, Object> env = env(render(minimal()));
    assertThat(env)
        .containsEntry("CONTRACTFLOW_AUDIT_ANCHORS_STORE", "s3")
        .containsEntry("CONTRACTFLOW_AUDIT_ANCHORS_S3_PREFIX", "audit-anchors/")
        .doesNotContainKeys(
            "CONTRACTFLOW_AUDIT_ANCHORS_S3_BUCKET",
            "CONTRACTFLOW_AUDIT_ANCHORS_S3_LOCKMODE",
            "CONTRACTFLOW_AUDIT_ANCHORS_DIRECTORY");

    Map<String, Object> locked =
        env(
            render(
                minimal()
                    .set("auditAnchors.s3.bucket", "contractflow-audit-anchors")
                    .set("auditAnchors.s3.lockMode", "COMPLIANCE")));
    assertThat(locked)
        .containsEntry("CONTRACTFLOW_AUDIT_ANCHORS_S3_BUCKET", "contractflow-audit-anchors")
        .containsEntry("CONTRACTFLOW_AUDIT_ANCHORS_S3_LOCKMODE", "COMPLIANCE")
        .containsEntry("CONTRACTFLOW_AUDIT_ANCHORS_S3_LOCKRETENTION", "P3653D");

    assertThatThrownBy(() -> minimal().set("auditAnchors.s3.lockMode", "GOVERNANCE").call())
        .hasMessageContaining("auditAnchors.s3.bucket is required");
    assertThatThrownBy(
            () ->
                minimal()
                    .set("auditAnchors.s3.bucket", "contractflow-audit-anchors")
                    .set("auditAnchors.s3.lockMode", "WORM")
                    .call())
        .hasMessageContaining("GOVERNANCE, COMPLIANCE or empty");
  }

  @Test
  void withoutKeycloakThePlatformKeepsItsOwnUsers() {
    Map<String, Object> env =
        env(render(minimal().set("admin.existingSecret", "contractflow-admin")));

    assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod");
    assertThat(env)
        .containsKeys("CONTRACTFLOW_ADMIN_USER", "CONTRACTFLOW_ADMIN_PASSWORD")
        .doesNotContainKeys("KEYCLOAK_ISSUER_URI", "KEYCLOAK_WEBAPP_CLIENT_SECRET");
    assertThat(names(render(minimal()), "ConfigMap")).containsExactly("cf-contractflow-config");
  }

  @Test
  void withKeycloakTheProfileTakesTheRealmsSettingsAndSecrets() throws IOException {
    List<Map<String, Object>> manifests =
        render(
            minimal()
                .set("admin.existingSecret", "contractflow-admin")
                .set("keycloak.enabled", "true")
                .set("keycloak.issuerUri", "https://id.example.com/realms/contractflow")
                .set(
                    "keycloak.backChannelUri",
                    "http://keycloak.identity.svc:8080/realms/contractflow")
                .set("keycloak.existingSecret", "contractflow-keycloak"));
    Map<String, Object> env = env(manifests);

    assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod,keycloak");
    assertThat(env.get("KEYCLOAK_ISSUER_URI"))
        .isEqualTo("https://id.example.com/realms/contractflow");
    assertThat(env.get("KEYCLOAK_BACKCHANNEL_URI"))
        .isEqualTo("http://keycloak.identity.svc:8080/realms/contractflow");
    assertThat(env.get("KEYCLOAK_AUDIENCE")).isEqualTo("contractflow-api");
    assertThat(env.get("KEYCLOAK_WEBAPP_CLIENT_SECRET").toString())
        .contains("name=contractflow-keycloak")
        .contains("key=webapp-client-secret");
    assertThat(env.get("KEYCLOAK_IDENTITY_CLIENT_SECRET").toString())
        .contains("name=contractflow-keycloak")
        .contains("key=identity-client-secret");
    // the realm owns the users: no first admin of the platform's own
    assertThat(env).doesNotContainKeys("CONTRACTFLOW_ADMIN_USER", "CONTRACTFLOW_ADMIN_PASSWORD");

    // the realm file ships with the chart, as the repository has it
    Map<String, Object> realm = one(manifests, "ConfigMap", "cf-contractflow-keycloak-realm");
    assertThat(((Map<?, ?>) realm.get("data")).get("contractflow-realm.json"))
        .isEqualTo(Files.readString(Path.of("keycloak", "contractflow-realm.json")).strip());
  }

  @Test
  void keycloakWithoutItsIssuerOrSecretIsRefused() {
    assertThatThrownBy(
            () ->
                minimal()
                    .set("keycloak.enabled", "true")
                    .set("keycloak.existingSecret", "contractflow-keycloak")
                    .call())
        .hasMessageContaining("keycloak.issuerUri is required");
    assertThatThrownBy(
            () ->
                minimal()
                    .set("keycloak.enabled", "true")
                    .set("keycloak.issuerUri", "https://id.example.com/realms/contractflow")
                    .call())
        .hasMessageContaining("keycloak.existingSecret is required");
  }

  @Test
  void theChartsRealmIsTheRepositorysRealm() throws IOException {
    assertThat(Files.readString(CHART.resolve("files/contractflow-realm.json")))
        .as(
            "helm/contractflow/files/contractflow-realm.json is a copy of keycloak/contractflow-realm.json")
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

  /**
   * The application container's environment: the ConfigMap it reads with envFrom, then its own
   * variables (each variable's value, or its valueFrom).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> env(List<Map<String, Object>> manifests) {
    Map<String, Object> container = container(manifests);
    Map<String, Object> env = new LinkedHashMap<>();
    for (Map<String, Object> source : (List<Map<String, Object>>) container.get("envFrom")) {
      String name = (String) ((Map<String, Object>) source.get("configMapRef")).get("name");
      env.putAll((Map<String, Object>) map(one(manifests, "ConfigMap", name), "data"));
    }
    for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
      env.put(
          (String) variable.get("name"),
          variable.containsKey("value") ? variable.get("value") : variable.get("valueFrom"));
    }
    return env;
  }

  /**
   * A copy of the chart whose values.yaml is its own defaults with the given values merged over
   * them.
   */
  private static Path chartWithValues(Path target, Map<String, Object> overrides)
      throws IOException {
    try (var files = Files.walk(CHART)) {
      for (Path source : files.toList()) {
        Path copy = target.resolve(CHART.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy);
        }
      }
    }
    Map<String, Object> values = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
    merge(values, overrides);
    Files.writeString(target.resolve("values.yaml"), new Yaml().dump(values));
    return target;
  }

  private static Map<String, Object> productionValues() throws IOException {
    return new Yaml().load(Files.readString(PRODUCTION));
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> nested && into.get(key) instanceof Map<?, ?> existing) {
            merge((Map<String, Object>) existing, (Map<String, Object>) nested);
          } else {
            into.put(key, value);
          }
        });
  }

  private static Map<String, Object> one(
      List<Map<String, Object>> manifests, String kind, String name) {
    return manifests.stream()
        .filter(m -> kind.equals(m.get("kind")))
        .filter(m -> name.equals(map(m, "metadata").get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + name + " is not rendered"));
  }

  private static List<Object> names(List<Map<String, Object>> manifests, String kind) {
    return manifests.stream()
        .filter(m -> kind.equals(m.get("kind")))
        .map(m -> map(m, "metadata").get("name"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as(key).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as(key).isInstanceOf(List.class);
    return (List<Map<String, Object>>) value;
  }

  private static Map<String, Object> container(List<Map<String, Object>> manifests) {
    Map<String, Object> deployment =
        manifests.stream()
            .filter(m -> "Deployment".equals(m.get("kind")))
            .findFirst()
            .orElseThrow();
    return list(map(map(map(deployment, "spec"), "template"), "spec"), "containers").get(0);
  }

  private static Object probePath(Map<String, Object> container, String probe) {
    return map(map(container, probe), "httpGet").get("path");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> secretRef(Map<String, Object> env, String name) {
    assertThat(env.get(name)).as(name).isInstanceOf(Map.class);
    return map((Map<String, Object>) env.get(name), "secretKeyRef");
  }
}
