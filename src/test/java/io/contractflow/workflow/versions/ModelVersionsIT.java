package io.contractflow.workflow.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Versions, migration, what-if and drift against the real engine on PostgreSQL: a designer's new
 * version of the drafting model deployed through the engine's API, contracts started on the old one
 * previewed and one of them migrated; a changed approval matrix replayed on past contracts; the
 * drift the designer's version causes, and what a release does about it.
 */
class ModelVersionsIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String DRAFTING = "contract-drafting";
  private static final String BASE = "/api/admin/process-models";

  @Autowired private RepositoryService repository;
  @Autowired private RuntimeService runtime;

  @Test
  void contractsOnAnOldVersionArePreviewedAndMigratedAndTheDriftIsReported() throws Exception {
    String first = draft("rita");
    String second = draft("rita");
    ProcessDefinition old = drafting(first);

    // a designer deploys two versions through the engine's API: one renames the waiting task
    // (instances there cannot move), the next only differs in a comment
    String releaseName = releaseResourceName(DRAFTING);
    String release = new String(classpathFile(releaseName), StandardCharsets.UTF_8);
    int renamed = deployAsDesigner(release.replace("Task_SubmitDraft", "Task_SubmitDraftRenamed"));
    int designers = deployThroughEngineRest(release + "\n<!-- a designer's version -->\n");

    JsonNode models = api.as("admin").get(BASE).json();
    JsonNode oldVersion = version(models, DRAFTING, old.getVersion());
    assertThat(oldVersion.get("runningInstances").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(oldVersion.get("latest").asBoolean()).isFalse();
    JsonNode designersVersion = version(models, DRAFTING, designers);
    assertThat(designersVersion.get("source").asText()).isEqualTo("API");
    assertThat(designersVersion.get("latest").asBoolean()).isTrue();
    assertThat(designersVersion.get("runningInstances").asLong()).isZero();
    assertThat(designersVersion.get("deployedBy").asText()).isEqualTo("admin");
    assertThat(version(models, DRAFTING, renamed).get("source").asText()).isEqualTo("API");

    Api.Response page =
        api.as("audrey")
            .get(BASE + "/" + DRAFTING + "/versions/" + old.getVersion() + "/instances?size=200");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(2);

    // to the renamed task's version: nothing can move, and the engine says why
    JsonNode refused =
        preview(Map.of("fromVersion", old.getVersion(), "toVersion", renamed), first, second);
    assertThat(refused.get("canMigrate")).isEmpty();
    assertThat(refused.get("cannotMigrate")).hasSize(2);
    assertThat(refused.get("cannotMigrate").get(0).get("failures").toString())
        .contains("Task_SubmitDraft");
    assertThat(texts(refused.get("unmappedActivities"))).contains("Task_SubmitDraft");

    // to the designer's next version: it can; one contract is migrated
    JsonNode fine =
        preview(Map.of("fromVersion", old.getVersion(), "toVersion", designers), first, second);
    assertThat(fine.get("cannotMigrate")).as(fine.toString()).isEmpty();
    assertThat(fine.get("canMigrate")).hasSize(2);
    assertThat(fine.get("unmappedActivities")).isEmpty();

    ObjectNode body =
        JSON.createObjectNode().put("fromVersion", old.getVersion()).put("toVersion", designers);
    body.putArray("contractIds").add(first);
    Api.Response started = api.as("admin").post(BASE + "/" + DRAFTING + "/migrations", body);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String batch = started.json().get("batchId").asText();
    assertThat(started.json().get("instances").asInt()).isEqualTo(1);

    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(300))
        .until(() -> drafting(first).getVersion() == designers);
    assertThat(drafting(second).getVersion()).isEqualTo(old.getVersion());
    JsonNode progress =
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> api.as("audrey").get(BASE + "/migrations/" + batch).json(),
                p -> p.get("finished").asBoolean() || p.path("remainingJobs").asInt(-1) == 0);
    assertThat(progress.path("failedJobs").asInt(0)).isZero();
    assertThat(progress.get("fromVersion").asInt()).isEqualTo(old.getVersion());
    assertThat(progress.get("toVersion").asInt()).isEqualTo(designers);

    JsonNode history = api.as("rita").get("/api/contracts/" + first + "/history?size=100").json();
    JsonNode migrated =
        StreamSupport.stream(history.get("content").spliterator(), false)
            .filter(e -> e.get("kind").asText().equals("PROCESS_MIGRATED"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no PROCESS_MIGRATED entry in " + history));
    assertThat(migrated.get("actor").asText()).isEqualTo("admin");
    assertThat(migrated.get("details").get("toVersion").asInt()).isEqualTo(designers);

    // the migrated contract runs on in the new version: submitted, it goes to review
    Api.Response uploaded =
        api.as("rita")
            .upload(
                "/api/contracts/" + first + "/documents",
                "contract.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    Api.Response submitted =
        api.as("rita")
            .post(
                "/api/contracts/" + first + "/submit",
                JSON.createObjectNode().put("nonStandardTerms", false).put("comment", "go"));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> ContractsInReview.process(api, "rita", first).get("status").asText(),
            "IN_REVIEW"::equals);

    // drift: the designer's version is the latest, the release's file is unchanged
    JsonNode drift = drift(DRAFTING);
    assertThat(drift.get("status").asText()).isEqualTo("NEWER_OUTSIDE_RELEASE");
    assertThat(drift.get("latestVersion").asInt()).isEqualTo(designers);
    assertThat(drift.get("classpathMatchesLatest").asBoolean()).isFalse();
    assertThat(drift.get("classpathChanged").asBoolean()).isFalse();
    JsonNode health =
        api.as("admin").get("/actuator/health").json().get("components").get("processModels");
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("details").get("process:" + DRAFTING).get("status").asText())
        .isEqualTo("NEWER_OUTSIDE_RELEASE");

    // a restart with the release's file unchanged deploys nothing: the designer's version stays
    DeploymentWithDefinitions restart = deployAsRelease(releaseName, release);
    assertThat(restart.getDeployedProcessDefinitions()).isNullOrEmpty();
    assertThat(latest(DRAFTING).getVersion()).isEqualTo(designers);

    // a release that changed the file is deployed as a new version and wins; the drift says so
    deployAsRelease(releaseName, release + "\n<!-- the next release -->\n");
    int released = latest(DRAFTING).getVersion();
    assertThat(released).isGreaterThan(designers);
    JsonNode replaced = drift(DRAFTING);
    assertThat(replaced.get("status").asText()).isEqualTo("RELEASE_REPLACED_OUTSIDE_VERSION");
    assertThat(texts(replaced.get("replacedVersions")))
        .contains(Integer.toString(renamed), Integer.toString(designers));

    // back to the release's own file, as the next start of this build would leave it
    deployAsRelease(releaseName, release);
    assertThat(drift(DRAFTING).get("status").asText()).isEqualTo("IN_STEP");
  }

  @Test
  void aChangedMatrixIsReplayedOnPastContractsWithoutBeingDeployed() throws Exception {
    String small = inReview(3_000);
    String middle = inReview(7_000);
    String large = inReview(12_000);
    long decisions = repository.createDecisionDefinitionQuery().count();

    String matrix =
        new String(
                getClass()
                    .getClassLoader()
                    .getResourceAsStream("processes/approval-matrix.dmn")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .replace("&gt;= 10000", "&gt;= 5000");
    assertThat(matrix).contains("&gt;= 5000");
    Api.Response report =
        api.as("admin")
            .send(
                "POST", "/api/admin/approval-matrix/what-if?limit=500", matrix, "application/xml");
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    List<String> changed =
        StreamSupport.stream(report.json().get("changes").spliterator(), false)
            .map(c -> c.get("contractId").asText())
            .toList();
    assertThat(changed).contains(middle).doesNotContain(small, large);
    JsonNode change =
        StreamSupport.stream(report.json().get("changes").spliterator(), false)
            .filter(c -> c.get("contractId").asText().equals(middle))
            .findFirst()
            .orElseThrow();
    assertThat(texts(change.get("oldGroups"))).containsExactly("legal-reviewer");
    assertThat(texts(change.get("newGroups")))
        .containsExactly("finance-approver", "legal-reviewer");
    assertThat(texts(change.get("added"))).containsExactly("finance-approver");
    assertThat(report.json().get("missingInputs")).isEmpty();
    assertThat(repository.createDecisionDefinitionQuery().count()).isEqualTo(decisions);

    Api.Response notADecision =
        api.as("admin")
            .send(
                "POST",
                "/api/admin/approval-matrix/what-if",
                matrix
                    .replace("id=\"approvers\"", "id=\"other\"")
                    .replace("dmnElementRef=\"approvers\"", "dmnElementRef=\"other\""),
                "application/xml");
    assertThat(notADecision.status()).as(notADecision.toString()).isEqualTo(400);
    Api.Response script =
        api.as("admin")
            .send(
                "POST",
                "/api/admin/approval-matrix/what-if",
                matrix.replace(
                    "<inputExpression id=\"InputExpression_Type\" typeRef=\"string\">",
                    "<inputExpression id=\"InputExpression_Type\" typeRef=\"string\""
                        + " expressionLanguage=\"groovy\">"),
                "application/xml");
    assertThat(script.status()).as(script.toString()).isEqualTo(400);
  }

  @Test
  void onlyAdminsMigrateAndTryOutMatricesAndOnlyAdminsAndAuditorsRead() {
    String matrix = "<definitions/>";
    ObjectNode migration = JSON.createObjectNode().put("fromVersion", 1).put("toVersion", 2);
    for (String user : List.of("rita", "leo", "fiona", "erin", "sam")) {
      for (String path :
          List.of(
              BASE,
              BASE + "/" + DRAFTING + "/versions/1/instances",
              BASE + "/migrations",
              BASE + "/migrations/some-batch",
              BASE + "/drift")) {
        Api.Response response = api.as(user).get(path);
        assertThat(response.status()).as(user + " GET " + path).isEqualTo(403);
      }
    }
    for (String user : List.of("rita", "leo", "fiona", "erin", "sam", "audrey")) {
      assertThat(
              api.as(user).post(BASE + "/" + DRAFTING + "/migrations/preview", migration).status())
          .as(user + " preview")
          .isEqualTo(403);
      assertThat(api.as(user).post(BASE + "/" + DRAFTING + "/migrations", migration).status())
          .as(user + " migrate")
          .isEqualTo(403);
      assertThat(
              api.as(user)
                  .send("POST", "/api/admin/approval-matrix/what-if", matrix, "application/xml")
                  .status())
          .as(user + " what-if")
          .isEqualTo(403);
      assertThat(
              api.as(user)
                  .upload(
                      "/api/admin/approval-matrix/what-if",
                      "matrix.dmn",
                      "application/xml",
                      matrix.getBytes(StandardCharsets.UTF_8))
                  .status())
          .as(user + " what-if upload")
          .isEqualTo(403);
    }
    for (String path : List.of(BASE, BASE + "/migrations", BASE + "/drift")) {
      assertThat(api.as("audrey").get(path).status()).as("audrey GET " + path).isEqualTo(200);
    }
    assertThat(api.as("audrey").get(BASE + "/migrations/no-such-batch").status()).isEqualTo(404);
    assertThat(api.as("admin").get(BASE + "/no-such-model/versions/1/instances").status())
        .isEqualTo(404);
    assertThat(
            api.as("admin")
                .post(BASE + "/" + DRAFTING + "/migrations/preview", JSON.createObjectNode())
                .status())
        .isEqualTo(400);
  }

  private String draft(String owner) {
    String id = createContract(owner).get("id").asText();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> drafting(id) != null);
    return id;
  }

  private String inReview(double amount) {
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", amount).put("currency", "EUR");
    String id = ContractsInReview.submit(api, "rita", body);
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> ContractsInReview.process(api, "rita", id).path("approvalRouting"),
            routing -> !routing.isMissingNode() && !routing.isNull());
    return id;
  }

  /** The definition of the drafting instance the contract runs, null before it starts. */
  private ProcessDefinition drafting(String contractId) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(DRAFTING)
            .processInstanceBusinessKey(contractId)
            .singleResult();
    return instance == null
        ? null
        : repository.getProcessDefinition(instance.getProcessDefinitionId());
  }

  private ProcessDefinition latest(String key) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult();
  }

  private byte[] classpathFile(String resourceName) throws Exception {
    try (var in = getClass().getClassLoader().getResourceAsStream(resourceName)) {
      assertThat(in).as("the release's " + resourceName).isNotNull();
      return in.readAllBytes();
    }
  }

  /** The name the process application deployed the model's file under. */
  private String releaseResourceName(String key) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .orderByProcessDefinitionVersion()
        .desc()
        .list()
        .stream()
        .filter(
            d ->
                ModelSource.CLASSPATH
                    == ModelSource.of(
                        repository
                            .createDeploymentQuery()
                            .deploymentId(d.getDeploymentId())
                            .singleResult()))
        .map(ProcessDefinition::getResourceName)
        .findFirst()
        .orElseThrow();
  }

  /** A new version as Camunda Modeler deploys it (its own deployment name and source). */
  private int deployAsDesigner(String bpmn) {
    DeploymentWithDefinitions deployment =
        repository
            .createDeployment()
            .name("drafting from Modeler")
            .source("Camunda Modeler")
            .addInputStream(
                "contract-drafting.bpmn",
                new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)))
            .deployWithResult();
    return deployment.getDeployedProcessDefinitions().get(0).getVersion();
  }

  /** A new version as a designer deploys it through {@code /engine-rest}, as an admin. */
  private int deployThroughEngineRest(String bpmn) {
    Api.Response deployed =
        api.as("admin")
            .upload(
                "/engine-rest/deployment/create",
                "contract-drafting.bpmn",
                "application/octet-stream",
                bpmn.getBytes(StandardCharsets.UTF_8));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    JsonNode definitions = deployed.json().get("deployedProcessDefinitions");
    return definitions.elements().next().get("version").asInt();
  }

  /** What the process application does at start with the release's file (changed only). */
  private DeploymentWithDefinitions deployAsRelease(String resourceName, String bpmn) {
    return repository
        .createDeployment()
        .name(ModelSource.CLASSPATH_DEPLOYMENT_NAME)
        .source(ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(true)
        .addInputStream(
            resourceName, new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)))
        .deployWithResult();
  }

  private JsonNode preview(Map<String, Integer> versions, String... contracts) {
    ObjectNode body = JSON.createObjectNode();
    versions.forEach(body::put);
    for (String contract : contracts) {
      body.withArray("contractIds").add(contract);
    }
    Api.Response response =
        api.as("admin").post(BASE + "/" + DRAFTING + "/migrations/preview", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private JsonNode drift(String key) {
    Api.Response response = api.as("admin").get(BASE + "/drift");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return StreamSupport.stream(response.json().spliterator(), false)
        .filter(d -> d.get("kind").asText().equals("process") && d.get("key").asText().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no drift entry for " + key));
  }

  private static JsonNode version(JsonNode models, String key, int version) {
    return StreamSupport.stream(models.spliterator(), false)
        .filter(m -> m.get("key").asText().equals(key) && m.get("version").asInt() == version)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " version " + version));
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
