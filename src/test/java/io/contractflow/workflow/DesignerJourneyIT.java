package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "done when", end to end: a process designer changes how contracts flow with no Java
 * and no restart, acting only through HTTP as the {@code admin} (what Camunda Modeler's "deploy"
 * and the admin API do). The worked example of docs/designer-guide.md.
 *
 * <ol>
 *   <li>Contract A is submitted on the shipped review model and waits at its review task.
 *   <li>The designer creates the Camunda group {@code security-team} with one member through {@code
 *       /engine-rest/group/create} (and user, membership) — identity administration, not Java.
 *   <li>A broken variant of the change (an unknown group, the form left out) is refused with both
 *       problems named and nothing deployed.
 *   <li>The change is deployed through {@code /engine-rest/deployment/create} in one deployment:
 *       {@code contract-review.bpmn} with a "Security review" user task (own Camunda Form,
 *       candidate group {@code security-team}, role {@code security-review}) and a "notify by mail"
 *       step as the element template writes it, both after the approvals and before "Approve
 *       contract"; {@code security-review.form}; and {@code approval-matrix.dmn} with a new input
 *       column on the counterparty's name, a fact {@code ContractFacts} already provides.
 *   <li>Contract B runs the new flow: the new column routes it to legal (the shipped matrix sends
 *       an NDA of 3,000 to nobody); after legal's approval the Security review is served by {@code
 *       /api/tasks} with its form, a bad completion is a 400 naming each field, a good one
 *       completes it; the owner is mailed; B reaches signing.
 *   <li>Contract A's review is previewed and migrated to the new version through {@code
 *       /api/admin/process-models}; after legal's approval A too meets the Security review.
 *   <li>Finally the shipped models are deployed again and the group and user removed, so the other
 *       tests of the shared context see the platform as shipped.
 * </ol>
 */
class DesignerJourneyIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String REVIEW = "contract-review";
  private static final String GROUP = "security-team";
  private static final String FORM_ID = "contract-security-review";
  private static final String PASSWORD = "Security-journey-2026!";

  @Autowired private RuntimeService runtime;
  @Autowired private RepositoryService repository;
  @Autowired private IdentityService identity;
  @Autowired private HistoryService history;

  /** The Camunda Form of the new task: a required choice and a required ticket with a pattern. */
  private static final String SECURITY_FORM =
      """
      {"id": "FORM_ID", "type": "default", "schemaVersion": 16, "components": [
        {"type": "text", "text": "### Security review"},
        {"key": "risk", "label": "Risk", "type": "radio", "validate": {"required": true},
         "values": [{"label": "Low", "value": "LOW"}, {"label": "High", "value": "HIGH"}]},
        {"key": "ticket", "label": "Security ticket", "type": "textfield",
         "validate": {"required": true, "pattern": "^SEC-[0-9]+$"}}
      ]}
      """
          .replace("FORM_ID", FORM_ID);

  @Test
  void aDesignerAddsASecurityReviewAndAMatrixColumnAndMigratesARunningContract() throws Exception {
    String marker = "Cloud hosting " + UUID.randomUUID().toString().substring(0, 8);
    String member = "sec" + UUID.randomUUID().toString().substring(0, 8);
    String subject = unique("Security review passed");
    String shippedReview = Files.readString(Path.of("processes/" + REVIEW + ".bpmn"));
    String shippedMatrix = Files.readString(Path.of("processes/approval-matrix.dmn"));
    try {
      // 1. contract A runs on the shipped model and waits for legal
      String contractA = ContractsInReview.submit(api, "rita", contract("SERVICES", "Acme"));
      String reviewA = ContractsInReview.awaitTask(api, "leo", contractA);
      int oldVersion = reviewVersion(contractA);

      // 2. the new group and its member, through the engine's identity API
      createGroupWithMember(member);

      // 3. a broken variant: a misspelt group and a form that is nowhere
      String changedReview = withSecurityReview(shippedReview, GROUP, subject);
      Api.Response refused =
          deploy(
              "security review (broken)",
              Map.of(
                  REVIEW + ".bpmn",
                  changedReview
                      .replace(GROUP, "securty-team")
                      .replace(FORM_ID, "security-questionnaire")));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().get("message").asText())
          .contains("2 problems", "Task_SecurityReview", "securty-team", "security-questionnaire");
      assertThat(latestReview()).as("nothing deployed").isEqualTo(oldVersion);

      // the what-if of the changed matrix before publishing it
      String changedMatrix = withHostingColumn(shippedMatrix, marker);
      Api.Response whatIf =
          api.as("admin")
              .send("POST", "/api/admin/approval-matrix/what-if", changedMatrix, "application/xml");
      assertThat(whatIf.status()).as(whatIf.toString()).isEqualTo(200);
      // no past evaluation knows the new column: the what-if says so (and replays it as null);
      // on a database where an earlier run of this test left one, it is known
      if (!anEvaluationReadTheCounterparty()) {
        assertThat(texts(whatIf.json().get("missingInputs"))).containsExactly("counterpartyName");
      }

      // 4. the change, deployed as Modeler deploys: one deployment, three files
      Map<String, String> files = new LinkedHashMap<>();
      files.put(REVIEW + ".bpmn", changedReview);
      files.put("security-review.form", SECURITY_FORM);
      files.put("approval-matrix.dmn", changedMatrix);
      Api.Response deployed = deploy("security review", files);
      assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
      int newVersion = latestReview();
      assertThat(newVersion).isGreaterThan(oldVersion);

      // 5. contract B: an NDA of 3,000 goes to nobody in the shipped matrix, to legal with the new
      // column because of its counterparty
      String contractB = ContractsInReview.submit(api, "rita", contract("NDA", marker));
      String reviewB = ContractsInReview.awaitTask(api, "leo", contractB);
      assertThat(reviewVersion(contractB)).isEqualTo(newVersion);
      JsonNode routing = ContractsInReview.process(api, "rita", contractB).get("approvalRouting");
      assertThat(texts(routing.get("approverGroups"))).containsExactly("legal-reviewer");
      assertThat(routing.get("rules").toString()).contains("Rule_CloudHosting");
      approve("leo", reviewB);

      Api.Call security = api.as(member, PASSWORD);
      JsonNode task = awaitTask(security, contractB);
      assertThat(task.get("role").asText()).isEqualTo("security-review");
      assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo(GROUP);
      Api.Response form = security.get(task.get("form").asText());
      assertThat(form.status()).as(form.toString()).isEqualTo(200);
      assertThat(form.json().get("id").asText()).isEqualTo(FORM_ID);
      String taskId = task.get("id").asText();

      ObjectNode bad = JSON.createObjectNode();
      bad.putObject("values").put("risk", "EXTREME").put("ticket", "JIRA-7");
      Api.Response badDone = security.post("/api/tasks/" + taskId + "/complete", bad);
      assertThat(badDone.status()).as(badDone.toString()).isEqualTo(400);
      assertThat(
              StreamSupport.stream(badDone.json().get("errors").spliterator(), false)
                  .map(e -> e.get("field").asText()))
          .containsExactlyInAnyOrder("values.risk", "values.ticket");
      JsonNode untouched = security.get("/api/tasks/" + taskId).json();
      assertThat(untouched.get("id").asText()).isEqualTo(taskId);
      assertThat(untouched.path("assignee").asText(null)).isNull();

      ObjectNode good = JSON.createObjectNode();
      good.putObject("values").put("risk", "LOW").put("ticket", "SEC-42");
      Api.Response done = security.post("/api/tasks/" + taskId + "/complete", good);
      assertThat(done.status()).as(done.toString()).isEqualTo(204);

      String ritaMail = identity.createUserQuery().userId("rita").singleResult().getEmail();
      MimeMessage mail =
          await()
              .atMost(PATIENCE)
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () ->
                      MailServer.shared().receivedBy(ritaMail).stream()
                          .filter(m -> subject(m).contains(subject))
                          .findFirst()
                          .orElse(null),
                  m -> m != null);
      assertThat(MailServer.part(mail, "text/plain")).contains("passed the security review");
      awaitSigning(contractB);

      // 6. contract A moves to the new version: preview, migrate, wait for the batch
      ObjectNode migration =
          JSON.createObjectNode().put("fromVersion", oldVersion).put("toVersion", newVersion);
      migration.putArray("contractIds").add(contractA);
      String models = "/api/admin/process-models/" + REVIEW;
      Api.Response preview = api.as("admin").post(models + "/migrations/preview", migration);
      assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
      assertThat(preview.json().get("cannotMigrate")).as(preview.body()).isEmpty();
      assertThat(preview.json().get("canMigrate")).hasSize(1);
      Api.Response started = api.as("admin").post(models + "/migrations", migration);
      assertThat(started.status()).as(started.toString()).isEqualTo(202);
      String batch = started.json().get("batchId").asText();
      JsonNode progress =
          await()
              .atMost(PATIENCE)
              .pollInterval(Duration.ofMillis(300))
              .until(
                  () -> api.as("admin").get("/api/admin/process-models/migrations/" + batch).json(),
                  p -> p.get("finished").asBoolean());
      assertThat(progress.path("failedJobs").asInt(0)).isZero();
      assertThat(reviewVersion(contractA)).isEqualTo(newVersion);

      approve("leo", reviewA);
      JsonNode securityA = awaitTask(security, contractA);
      assertThat(securityA.get("role").asText()).isEqualTo("security-review");
    } finally {
      // the shipped models are the latest again, the group and its member gone
      Map<String, String> shipped = new LinkedHashMap<>();
      shipped.put(REVIEW + ".bpmn", shippedReview);
      shipped.put("approval-matrix.dmn", shippedMatrix);
      assertThat(deploy("shipped models restored", shipped).status()).isEqualTo(200);
      api.as("admin").delete("/engine-rest/user/" + member);
      api.as("admin").delete("/engine-rest/group/" + GROUP);
    }
  }

  /**
   * The shipped review with a "Security review" user task and a templated mail to the owner between
   * the approvals' merge and "Approve contract", as a designer draws them in Modeler (the diagram's
   * shapes left out: the engine does not need them).
   */
  private static String withSecurityReview(String review, String group, String subject) {
    String steps =
        """
            <bpmn:userTask id="Task_SecurityReview" name="Security review" camunda:candidateGroups="GROUP" camunda:formRef="FORM_ID" camunda:formRefBinding="latest">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="contractflow.role" value="security-review" />
                </camunda:properties>
              </bpmn:extensionElements>
              <bpmn:incoming>Flow_ToApprove</bpmn:incoming>
              <bpmn:outgoing>Flow_ToTellOwner</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:serviceTask id="Task_TellOwnerSecurity" name="Tell the owner" camunda:modelerTemplate="io.contractflow.NotifyByMail" camunda:modelerTemplateVersion="1" camunda:delegateExpression="${notifyByMail}" camunda:asyncBefore="true">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="recipientType">role</camunda:inputParameter>
                  <camunda:inputParameter name="recipient">OWNER</camunda:inputParameter>
                  <camunda:inputParameter name="mailTemplate">process-step</camunda:inputParameter>
                  <camunda:inputParameter name="subject">SUBJECT</camunda:inputParameter>
                  <camunda:inputParameter name="message">Your contract passed the security review.</camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
              <bpmn:incoming>Flow_ToTellOwner</bpmn:incoming>
              <bpmn:outgoing>Flow_ToApproveAfterSecurity</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_ToTellOwner" sourceRef="Task_SecurityReview" targetRef="Task_TellOwnerSecurity" />
            <bpmn:sequenceFlow id="Flow_ToApproveAfterSecurity" sourceRef="Task_TellOwnerSecurity" targetRef="Task_ApproveContract" />
            <bpmn:serviceTask id="Task_ApproveContract\""""
            .replace("GROUP", group)
            .replace("FORM_ID", FORM_ID)
            .replace("SUBJECT", subject)
            .stripLeading();
    String changed = replaceOnce(review, "<bpmn:serviceTask id=\"Task_ApproveContract\"", steps);
    changed =
        replaceOnce(
            changed,
            "<bpmn:sequenceFlow id=\"Flow_ToApprove\" sourceRef=\"Gateway_ApproveMerge\""
                + " targetRef=\"Task_ApproveContract\" />",
            "<bpmn:sequenceFlow id=\"Flow_ToApprove\" sourceRef=\"Gateway_ApproveMerge\""
                + " targetRef=\"Task_SecurityReview\" />");
    // "Approve contract" now comes from the mail step
    return replaceOnce(
        changed,
        "<bpmn:incoming>Flow_ToApprove</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToApproved",
        "<bpmn:incoming>Flow_ToApproveAfterSecurity</bpmn:incoming>\n"
            + "      <bpmn:outgoing>Flow_ToApproved");
  }

  /**
   * The shipped matrix with a fourth input, "Counterparty" ({@code counterpartyName}), empty (any)
   * in the shipped rules, and a rule sending contracts whose counterparty's name contains the
   * marker to legal.
   */
  private static String withHostingColumn(String matrix, String marker) {
    String changed =
        replaceOnce(
            matrix,
            "      <output id=\"Output_Group\"",
            """
                  <input id="Input_Counterparty" label="Counterparty">
                    <inputExpression id="InputExpression_Counterparty" typeRef="string">
                      <text>counterpartyName</text>
                    </inputExpression>
                  </input>
                  <output id="Output_Group\""""
                .stripLeading());
    for (int rule = 1; rule <= 4; rule++) {
      changed =
          replaceOnce(
              changed,
              "<outputEntry id=\"LiteralExpression_" + rule + "\">",
              "<inputEntry id=\"UnaryTests_"
                  + rule
                  + "d\"><text></text></inputEntry>\n        <outputEntry id=\"LiteralExpression_"
                  + rule
                  + "\">");
    }
    return replaceOnce(
        changed,
        "    </decisionTable>",
        """
              <rule id="Rule_CloudHosting">
                <description>Cloud hosting counterparties always go to legal</description>
                <inputEntry id="UnaryTests_5a"><text></text></inputEntry>
                <inputEntry id="UnaryTests_5b"><text></text></inputEntry>
                <inputEntry id="UnaryTests_5c"><text></text></inputEntry>
                <inputEntry id="UnaryTests_5d"><text>contains(?, "MARKER")</text></inputEntry>
                <outputEntry id="LiteralExpression_5"><text>"legal-reviewer"</text></outputEntry>
              </rule>
            </decisionTable>"""
            .replace("MARKER", marker));
  }

  private static String replaceOnce(String text, String target, String replacement) {
    int at = text.indexOf(target);
    assertThat(at).as("the model holds " + target).isGreaterThanOrEqualTo(0);
    assertThat(text.indexOf(target, at + 1)).as("the model holds " + target + " once").isNegative();
    return text.substring(0, at) + replacement + text.substring(at + target.length());
  }

  /** A contract of 3,000 EUR of this type with a new counterparty of this name. */
  private ObjectNode contract(String type, String counterpartyName) {
    Api.Response counterparty =
        api.as("rita")
            .post(
                "/api/counterparties",
                JSON.createObjectNode()
                    .put(
                        "name",
                        counterpartyName + " " + UUID.randomUUID().toString().substring(0, 4))
                    .put("contactEmail", "legal@example.com"));
    assertThat(counterparty.status()).as(counterparty.toString()).isEqualTo(201);
    ObjectNode body = contractBody(counterparty.json().get("id").asText());
    body.put("type", type);
    body.putObject("value").put("amount", 3000).put("currency", "EUR");
    return body;
  }

  private void createGroupWithMember(String member) {
    Api.Call admin = api.as("admin");
    admin.delete("/engine-rest/group/" + GROUP); // a leftover of an interrupted run
    Api.Response group =
        admin.post(
            "/engine-rest/group/create",
            JSON.createObjectNode()
                .put("id", GROUP)
                .put("name", "Security team")
                .put("type", "WORKFLOW"));
    assertThat(group.status()).as(group.toString()).isEqualTo(204);
    ObjectNode user = JSON.createObjectNode();
    user.putObject("profile")
        .put("id", member)
        .put("firstName", "Sina")
        .put("lastName", "Secure")
        .put("email", member + "@example.com");
    user.putObject("credentials").put("password", PASSWORD);
    Api.Response created = admin.post("/engine-rest/user/create", user);
    assertThat(created.status()).as(created.toString()).isEqualTo(204);
    for (String groupId : List.of(GROUP, "requester")) {
      Api.Response joined = admin.put("/engine-rest/group/" + groupId + "/members/" + member, null);
      assertThat(joined.status()).as(joined.toString()).isEqualTo(204);
    }
  }

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

  private void approve(String reviewer, String taskId) {
    Api.Response done =
        api.as(reviewer)
            .post(
                "/api/tasks/" + taskId + "/complete",
                JSON.createObjectNode().put("decision", "APPROVE").put("comment", "fine"));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  private JsonNode awaitTask(Api.Call caller, String contractId) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                StreamSupport.stream(
                        caller.get("/api/tasks?contractId=" + contractId).json().spliterator(),
                        false)
                    .findFirst()
                    .orElse(null),
            t -> t != null);
  }

  private void awaitSigning(String contractId) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> ContractsInReview.process(api, "rita", contractId).get("status").asText(),
            "SIGNING"::equals);
  }

  /** The version of the review model the contract's review runs on. */
  private int reviewVersion(String contractId) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(REVIEW)
            .processInstanceBusinessKey(contractId)
            .singleResult();
    return repository.getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
  }

  private boolean anEvaluationReadTheCounterparty() {
    return history
        .createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("approvers")
        .includeInputs()
        .list()
        .stream()
        .flatMap(d -> d.getInputs().stream())
        .anyMatch(input -> input.getClauseId().equals("Input_Counterparty"));
  }

  private int latestReview() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(REVIEW)
        .latestVersion()
        .singleResult()
        .getVersion();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
