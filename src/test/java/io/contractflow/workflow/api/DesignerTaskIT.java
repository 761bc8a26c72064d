package io.contractflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.workflow.ProcessVariables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process designer's changes, deployed through {@code /engine-rest/deployment/create} only: a new
 * user task with its own Camunda Form and candidate group is served by {@code /api/tasks} (values
 * checked against the form, the group's members only), its group gets Tasklist access and a filter;
 * a renamed task keeps its role, and with it the API and Tasklist's filters.
 */
class DesignerTaskIT extends IntegrationTest {

  private static final String PASSWORD = "Security-review-2026!";

  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired HistoryService history;
  @Autowired FilterService filters;
  @Autowired ManagementService management;
  @Autowired AuthorizationService authorizations;

  private Api.Response deploy(String name, Map<String, String> files) {
    String boundary = "cf" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n")
        .append(name)
        .append("\r\n");
    files.forEach(
        (file, content) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(file)
                .append("\"; filename=\"")
                .append(file)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return api.as("admin")
        .send(
            "POST",
            "/engine-rest/deployment/create",
            body.toString(),
            "multipart/form-data; boundary=" + boundary);
  }

  private static String securityProcess(String suffix) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_SUFFIX"
            targetNamespace="https://contractflow.io/bpmn">
          <bpmn:process id="security-SUFFIX" name="Security review" isExecutable="true"
              camunda:historyTimeToLive="30">
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Task_Security_SUFFIX" name="Security review"
                camunda:candidateGroups="security-SUFFIX" camunda:formRef="security-review-SUFFIX"
                camunda:formRefBinding="latest" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Security_SUFFIX" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Security_SUFFIX" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """
        .replace("SUFFIX", suffix);
  }

  /** A member of the new group (and a requester, as every business user holds a role). */
  private void member(String user, String group) {
    Group created = identity.newGroup(group);
    created.setName("Security " + group);
    identity.saveGroup(created);
    User person = identity.newUser(user);
    person.setPassword(PASSWORD);
    identity.saveUser(person);
    identity.createMembership(user, group);
    identity.createMembership(user, "requester");
  }

  private List<JsonNode> tasksOf(Api.Call caller) {
    Api.Response mine = caller.get("/api/tasks");
    assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
    return StreamSupport.stream(mine.json().spliterator(), false).toList();
  }

  @Test
  void aNewTaskWithItsOwnFormAndGroupIsServedByTheApi() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String group = "security-" + suffix;
    String user = "sec" + suffix;
    member(user, group);
    Api.Call sec = api.as(user, PASSWORD);

    Api.Response deployed =
        deploy(
            "security-" + suffix,
            Map.of(
                "security-" + suffix + ".bpmn",
                securityProcess(suffix),
                "security-review-" + suffix + ".form",
                TaskFormTest.SECURITY_FORM.replace(
                    "\"id\": \"security-review\"", "\"id\": \"security-review-" + suffix + "\"")));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);

    // the group got Tasklist and a filter of its own when the deployment happened
    assertThat(
            authorizations.isUserAuthorized(
                user, List.of(group), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
        .isTrue();
    String filterId = management.getProperties().get("contractflow.group-filter." + group);
    assertThat(filterId).isNotNull();
    assertThat(
            authorizations.isUserAuthorized(
                user, List.of(group), Permissions.READ, Resources.FILTER, filterId))
        .isTrue();
    assertThat(
            authorizations.isUserAuthorized(
                "leo", List.of("legal-reviewer"), Permissions.READ, Resources.FILTER, filterId))
        .isFalse();

    String instance = runtime.startProcessInstanceByKey("security-" + suffix).getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();

    identity.setAuthentication(user, List.of(group, "requester"));
    try {
      assertThat(filters.<Task>list(filterId)).extracting(Task::getId).contains(task.getId());
    } finally {
      identity.clearAuthentication();
    }

    JsonNode listed =
        tasksOf(sec).stream()
            .filter(t -> t.get("id").asText().equals(task.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(listed.get("candidateGroups").get(0).asText()).isEqualTo(group);
    assertThat(listed.get("form").asText()).isEqualTo("/api/tasks/" + task.getId() + "/form");
    Api.Response form = sec.get(listed.get("form").asText());
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo("security-review-" + suffix);

    // not offered to leo: as if it did not exist
    assertThat(tasksOf(api.as("leo"))).noneMatch(t -> t.get("id").asText().equals(task.getId()));
    assertThat(api.as("leo").get("/api/tasks/" + task.getId()).status()).isEqualTo(404);
    assertThat(api.as("leo").get("/api/tasks/" + task.getId() + "/form").status()).isEqualTo(404);
    ObjectNode good = JSON.createObjectNode();
    good.putObject("values").put("risk", "HIGH").put("ticket", "SEC-7").put("score", 8);
    assertThat(api.as("leo").post("/api/tasks/" + task.getId() + "/complete", good).status())
        .isEqualTo(404);

    ObjectNode bad = JSON.createObjectNode();
    bad.putObject("values").put("ticket", "JIRA-7").put("score", 11).put("extra", true);
    Api.Response refused = sec.post("/api/tasks/" + task.getId() + "/complete", bad);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("type").asText()).endsWith("validation");
    assertThat(
            StreamSupport.stream(refused.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()))
        .containsExactlyInAnyOrder("values.risk", "values.ticket", "values.score", "values.extra");
    // the task untouched
    Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.getAssignee()).isNull();
    assertThat(runtime.getVariables(instance)).doesNotContainKeys("ticket", "score", "risk");

    Api.Response done = sec.post("/api/tasks/" + task.getId() + "/complete", good);
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName("risk")
                .singleResult()
                .getValue())
        .isEqualTo("HIGH");
  }

  @Test
  void aRenamedTaskKeepsItsRoleForTheApiAndTasklist() throws Exception {
    String original =
        Files.readString(Path.of("processes/contract-drafting.bpmn"), StandardCharsets.UTF_8);
    String renamed = original.replace("Task_SubmitDraft", "Task_PrepareAndSend");
    assertThat(renamed).isNotEqualTo(original);
    Api.Response deployed = deploy("drafting-renamed", Map.of("contract-drafting.bpmn", renamed));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    try {
      String id = createContract("rita").get("id").asText();
      JsonNode task =
          org.awaitility.Awaitility.await()
              .atMost(java.time.Duration.ofSeconds(30))
              .until(
                  () ->
                      StreamSupport.stream(
                              api.as("rita")
                                  .get("/api/tasks?contractId=" + id)
                                  .json()
                                  .spliterator(),
                              false)
                          .findFirst()
                          .orElse(null),
                  t -> t != null);
      assertThat(task.get("key").asText()).isEqualTo("Task_PrepareAndSend");
      assertThat(task.get("role").asText()).isEqualTo("submit-draft");
      assertThat(
              taskService.getVariableLocal(task.get("id").asText(), ProcessVariables.PLAYED_ROLE))
          .isEqualTo("submit-draft");

      // Tasklist's "Drafts to submit" finds it by its role
      String draftsFilter = management.getProperties().get("contractflow.filter.drafts-to-submit");
      identity.setAuthentication("rita", List.of("requester"));
      try {
        assertThat(filters.<Task>list(draftsFilter))
            .extracting(Task::getId)
            .contains(task.get("id").asText());
      } finally {
        identity.clearAuthentication();
      }

      Api.Response uploaded =
          api.as("rita")
              .upload(
                  "/api/contracts/" + id + "/documents",
                  "services.pdf",
                  Corpus.PDF,
                  Corpus.sample("nda.pdf"));
      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
      Api.Response submitted = api.as("rita").post("/api/contracts/" + id + "/submit", null);
      assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
    } finally {
      // the classpath's drafting is the latest again for the other tests
      assertThat(deploy("drafting-restored", Map.of("contract-drafting.bpmn", original)).status())
          .isEqualTo(200);
    }
  }

  /**
   * The approval matrix with one input more, on a contract fact no Java names (the tags), routing
   * tagged contracts to a new group as well.
   */
  private static String matrixWithTagInput(String original, String tag, String group) {
    int[] entry = {0};
    String withColumn =
        original.replace(
            "      <output id=\"Output_Group\"",
            """
                  <input id="Input_Tagged" label="Tagged for security" camunda:inputVariable="tagged">
                    <inputExpression id="InputExpression_Tagged" typeRef="boolean">
                      <text>contains(contractTags, ",TAG,")</text>
                    </inputExpression>
                  </input>
                  <output id="Output_Group\""""
                .replace("TAG", tag)
                .stripLeading());
    StringBuilder rules = new StringBuilder();
    java.util.regex.Matcher output =
        java.util.regex.Pattern.compile("<outputEntry id=").matcher(withColumn);
    while (output.find()) {
      output.appendReplacement(
          rules,
          "<inputEntry id=\"UnaryTests_Tagged_"
              + (++entry[0])
              + "\"><text></text></inputEntry>\n        <outputEntry id=");
    }
    output.appendTail(rules);
    return rules
        .toString()
        .replace(
            "    </decisionTable>",
            """
                  <rule id="Rule_Security">
                    <description>Tagged contracts also go to the security group</description>
                    <inputEntry id="UnaryTests_S1"><text></text></inputEntry>
                    <inputEntry id="UnaryTests_S2"><text></text></inputEntry>
                    <inputEntry id="UnaryTests_S3"><text></text></inputEntry>
                    <inputEntry id="UnaryTests_S4"><text>true</text></inputEntry>
                    <outputEntry id="LiteralExpression_S"><text>"GROUP"</text></outputEntry>
                  </rule>
                </decisionTable>"""
                .replace("GROUP", group));
  }

  @Test
  void aNewMatrixInputOnAContractFactRoutesToANewGroupWithoutJava() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String group = "security-" + suffix;
    String user = "sec" + suffix;
    String tag = "sec" + suffix;
    member(user, group);
    String original =
        Files.readString(Path.of("processes/approval-matrix.dmn"), StandardCharsets.UTF_8);
    Api.Response deployed =
        deploy(
            "matrix-" + suffix,
            Map.of("approval-matrix.dmn", matrixWithTagInput(original, tag, group)));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    try {
      // a group the decision names gets its filter on deployment
      assertThat(management.getProperties()).containsKey("contractflow.group-filter." + group);

      ObjectNode body = contractBody(createCounterparty("rita"));
      body.putArray("tags").add(tag);
      String id = createContract("rita", body).get("id").asText();
      Api.Response uploaded =
          api.as("rita")
              .upload(
                  "/api/contracts/" + id + "/documents",
                  "services.pdf",
                  Corpus.PDF,
                  Corpus.sample("nda.pdf"));
      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
      assertThat(api.as("rita").post("/api/contracts/" + id + "/submit", null).status())
          .isEqualTo(202);

      Api.Call sec = api.as(user, PASSWORD);
      JsonNode review =
          org.awaitility.Awaitility.await()
              .atMost(java.time.Duration.ofSeconds(30))
              .pollInterval(java.time.Duration.ofMillis(200))
              .until(
                  () ->
                      StreamSupport.stream(
                              sec.get("/api/tasks?contractId=" + id).json().spliterator(), false)
                          .findFirst()
                          .orElse(null),
                  t -> t != null);
      assertThat(review.get("role").asText()).isEqualTo("review");
      assertThat(review.get("candidateGroups").get(0).asText()).isEqualTo(group);
      assertThat(api.as("leo").get("/api/tasks/" + review.get("id").asText()).status())
          .isEqualTo(404);

      ObjectNode bad = JSON.createObjectNode().put("decision", "MAYBE");
      assertThat(sec.post("/api/tasks/" + review.get("id").asText() + "/complete", bad).status())
          .isEqualTo(400);
      ObjectNode approve = JSON.createObjectNode().put("decision", "APPROVE").put("comment", "ok");
      Api.Response done =
          sec.post("/api/tasks/" + review.get("id").asText() + "/complete", approve);
      assertThat(done.status()).as(done.toString()).isEqualTo(204);
    } finally {
      // the shipped matrix is the latest again for the other tests
      assertThat(deploy("matrix-restored", Map.of("approval-matrix.dmn", original)).status())
          .isEqualTo(200);
    }
  }
}
