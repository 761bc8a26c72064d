package io.contractflow.workflow.deployment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A designer's deployment through {@code /engine-rest/deployment/create} only, as Camunda Modeler
 * deploys: a model of the platform's element templates (status, audit entry, mail, webhook, due
 * date) runs on a contract, each step configured by the model alone; a broken model is refused with
 * a 400 that names every problem; an ordinary role may not deploy at all.
 */
class DesignerDeploymentIT extends IntegrationTest {

  private static final WireMockServer receiver = new WireMockServer(options().dynamicPort());
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;

  @BeforeAll
  static void startReceiver() {
    receiver.start();
    receiver.stubFor(post("/hooks/contracts").willReturn(aResponse().withStatus(204)));
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop();
  }

  private Api.Response deploy(String user, String name, Map<String, String> files) {
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
    return api.as(user)
        .send(
            "POST",
            "/engine-rest/deployment/create",
            body.toString(),
            "multipart/form-data; boundary=" + boundary);
  }

  private static String templatedModel(String key, String subject) throws IOException {
    return Files.readString(Path.of("src/test/resources/steps/templated-steps.bpmn"))
        .replace("\"templated-steps\"", "\"" + key + "\"")
        .replace(">APPROVED<", ">IN_REVIEW<")
        .replace(">Security review passed<", ">" + subject + "<");
  }

  @Test
  void aModelOfTheTemplatesDeployedThroughTheEngineRestApiRunsOnAContract() throws Exception {
    String key = "designer-steps-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String subject = unique("Security review passed");
    Api.Response deployed =
        deploy("admin", key, Map.of(key + ".bpmn", templatedModel(key, subject)));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);

    JsonNode contract = createContract("rita");
    String contractId = contract.get("id").asText();
    Instant started = Instant.now();
    runtimeService.startProcessInstanceByKey(
        key,
        contractId,
        Map.of("owner", "rita", "webhookUrl", receiver.baseUrl() + "/hooks/contracts"));

    Task countersign =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(contractId)
                        .taskDefinitionKey("Task_Countersign")
                        .singleResult(),
                task -> task != null);

    // the status step, through the contract service
    assertThat(api.as("rita").get("/api/contracts/" + contractId).json().get("status").asText())
        .isEqualTo("IN_REVIEW");
    // the audit step, on the contract's trail
    JsonNode history =
        api.as("rita").get("/api/contracts/" + contractId + "/history?size=100").json();
    assertThat(StreamSupport.stream(history.get("content").spliterator(), false))
        .anyMatch(
            entry ->
                entry.get("kind").asText().equals("SECURITY_REVIEW")
                    && entry.get("summary").asText().equals(subject))
        .anyMatch(
            entry ->
                entry.get("kind").asText().equals("STATUS_CHANGED")
                    && entry.toString().contains("security review passed"));
    // the mail step, through the outbox to the owner's mailbox
    String ritaMail = identityService.createUserQuery().userId("rita").singleResult().getEmail();
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
    assertThat(subject(mail)).contains(contract.get("reference").asText());
    assertThat(MailServer.part(mail, "text/plain")).contains("passed the security review");
    // the webhook, signed, to the allowed host
    List<LoggedRequest> calls =
        receiver.findAll(postRequestedFor(urlEqualTo("/hooks/contracts"))).stream()
            .filter(call -> call.getBodyAsString().contains(contractId))
            .toList();
    assertThat(calls).hasSize(1);
    LoggedRequest call = calls.get(0);
    String timestamp = call.getHeader("X-ContractFlow-Timestamp");
    assertThat(call.getHeader("X-ContractFlow-Signature"))
        .isEqualTo(
            "sha256=" + hmac("test-webhook-secret", timestamp + "." + call.getBodyAsString()));
    assertThat(call.getBodyAsString()).contains("\"event\":\"contract.security-reviewed\"");
    // the due date, from the model's duration
    assertThat(countersign.getDueDate().toInstant())
        .isAfter(started.plus(Duration.ofDays(2)))
        .isBefore(Instant.now().plus(Duration.ofDays(2).plusHours(5)));
    assertThat(countersign.getAssignee()).isEqualTo("rita");
  }

  @Test
  void everyDeploymentIsRecordedWithWhoAndWhatChangedForAdminsAndAuditorsOnly() throws Exception {
    String key = "designer-record-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String first = templatedModel(key, "First review");
    String second = templatedModel(key, "Second review");
    assertThat(deploy("admin", key, Map.of(key + ".bpmn", first)).status()).isEqualTo(200);
    assertThat(deploy("admin", key, Map.of(key + ".bpmn", second)).status()).isEqualTo(200);
    assertThat(deploy("admin", key + "-broken", Map.of(key + ".bpmn", "<not a model")).status())
        .isEqualTo(400);

    for (String user : List.of("rita", "leo", "fiona", "erin", "sam")) {
      assertThat(api.as(user).get("/api/admin/deployments").status()).as(user).isEqualTo(403);
    }
    assertThat(api.anonymous().get("/api/admin/deployments").status()).isEqualTo(401);
    assertThat(api.as("admin").get("/api/admin/deployments?limit=0").status()).isEqualTo(400);
    assertThat(api.as("admin").get("/api/admin/deployments?format=pdf").status()).isEqualTo(400);

    JsonNode records = api.as("audrey").get("/api/admin/deployments?limit=50").json();
    List<JsonNode> mine =
        StreamSupport.stream(records.spliterator(), false)
            .filter(d -> d.get("name").asText().startsWith(key))
            .toList();
    assertThat(mine).as("the refused deployment left no record").hasSize(2);
    JsonNode latest = mine.get(0).get("resources").get(0);
    assertThat(mine.get(0).get("deployedBy").asText()).isEqualTo("admin");
    assertThat(latest.get("resource").asText()).isEqualTo(key + ".bpmn");
    assertThat(latest.get("change").asText()).isEqualTo("CHANGED");
    assertThat(latest.get("modified"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("Task_RecordReview", "Task_TellOwner");
    assertThat(latest.get("added")).isEmpty();
    assertThat(latest.get("removed")).isEmpty();
    JsonNode earlier = mine.get(1).get("resources").get(0);
    assertThat(earlier.get("change").asText()).isEqualTo("ADDED");
    assertThat(latest.get("previousSha256").asText()).isEqualTo(earlier.get("sha256").asText());

    Api.Response csv = api.as("admin").get("/api/admin/deployments?format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains(key + ".bpmn", "CHANGED", "Task_RecordReview");
  }

  @Test
  void aBrokenModelIsRefusedWithEveryProblemNamed() throws Exception {
    String key = "designer-broken-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String model =
        templatedModel(key, "Broken")
            .replace(" camunda:historyTimeToLive=\"30\"", "")
            .replace("${setContractStatus}", "${contractService}")
            .replace(">IN_REVIEW<", ">ON_HOLD<")
            .replace(
                "<camunda:inputParameter name=\"kind\">SECURITY_REVIEW</camunda:inputParameter>",
                "<camunda:inputParameter name=\"kind\"></camunda:inputParameter>")
            .replace(
                "camunda:assignee=\"${owner}\"",
                "camunda:candidateGroups=\"security-team\" camunda:formRef=\"security-review\"")
            .replace("${webhookUrl}", "https://hooks.example.net/contracts");

    Api.Response refused = deploy("admin", key, Map.of(key + ".bpmn", model));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    String message = refused.json().get("message").asText();
    assertThat(message)
        .contains("historyTimeToLive")
        .contains("Task_PutOnHold", "contractService")
        .contains("ON_HOLD")
        .contains("Task_RecordReview", "Kind", "required")
        .contains("Task_Countersign", "security-team")
        .contains("security-review")
        .contains("Task_TellErp", "hooks.example.net");
    JsonNode errors = refused.json().at("/details/" + key + ".bpmn/errors");
    assertThat(errors.size()).as(refused.body()).isGreaterThanOrEqualTo(8);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .as("nothing deployed")
        .isZero();
  }

  @Test
  void aWebhookThatFailsIsRetriedAMinuteApartThenBecomesAnIncident() throws Exception {
    receiver.stubFor(post("/hooks/down").willReturn(aResponse().withStatus(503)));
    String key = "designer-retries-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Api.Response deployed =
        deploy("admin", key, Map.of(key + ".bpmn", templatedModel(key, "Retried")));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    String contractId = createContract("rita").get("id").asText();
    String instance =
        runtimeService
            .startProcessInstanceByKey(
                key,
                contractId,
                Map.of("owner", "rita", "webhookUrl", receiver.baseUrl() + "/hooks/down"))
            .getId();

    org.camunda.bpm.engine.runtime.Job failed =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    managementService
                        .createJobQuery()
                        .processInstanceId(instance)
                        .activityId("Task_TellErp")
                        .withException()
                        .singleResult(),
                job -> job != null);
    // the platform's cycle, R3/PT1M, though Modeler's template cannot set it
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).contains("answered 503");
    assertThat(failed.getDuedate().toInstant())
        .isAfter(Instant.now().plusSeconds(30))
        .isBefore(Instant.now().plusSeconds(61));
  }

  @Test
  void anOrdinaryRoleMayNotDeploy() throws Exception {
    String key = "designer-refused-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Api.Response refused =
        deploy("rita", key, Map.of(key + ".bpmn", templatedModel(key, "Not mine")));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
