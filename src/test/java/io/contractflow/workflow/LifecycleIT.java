package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import io.contractflow.support.SignerMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Contracts through their whole lifecycle over HTTP, on PostgreSQL with the job executor running:
 * submit, parallel review, the built-in signer, the active term, renewal decision and the end.
 * Timers of one contract are fired by executing that contract's timer job (moving the engine's
 * clock would fire every other test's timers too).
 */
class LifecycleIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private ManagementService management;

  private String draftWithDocument(String owner, ObjectNode body) {
    String id = createContract(owner, body).get("id").asText();
    Api.Response uploaded =
        api.as(owner)
            .upload(
                "/api/contracts/" + id + "/documents",
                "services.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    return id;
  }

  private JsonNode process(String user, String id) {
    Api.Response response = api.as(user).get("/api/contracts/" + id + "/process");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private JsonNode awaitPhase(String id, String status, String phase) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> process("admin", id),
            p -> p.get("status").asText().equals(status) && p.get("phase").asText().equals(phase));
  }

  private List<JsonNode> openTasks(String user, String id) {
    return StreamSupport.stream(process(user, id).get("openTasks").spliterator(), false).toList();
  }

  private String taskFor(String user, String id) {
    Api.Response mine = api.as(user).get("/api/tasks?contractId=" + id);
    assertThat(mine.status()).isEqualTo(200);
    return StreamSupport.stream(mine.json().spliterator(), false)
        .filter(t -> t.get("contractId").asText().equals(id))
        .findFirst()
        .map(t -> t.get("id").asText())
        .orElseThrow(() -> new AssertionError(user + " has no task of " + id));
  }

  private void complete(String user, String taskId, String decision, String comment) {
    ObjectNode body = JSON.createObjectNode().put("decision", decision).put("comment", comment);
    Api.Response done = api.as(user).post("/api/tasks/" + taskId + "/complete", body);
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  private void fireTimer(String id, String activityId) {
    Job timer =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    management
                        .createJobQuery()
                        .timers()
                        .processInstanceId(processInstanceWaitingAt(id, activityId))
                        .activityId(activityId)
                        .singleResult(),
                job -> job != null);
    management.executeJob(timer.getId());
  }

  @Autowired private org.camunda.bpm.engine.RuntimeService runtime;

  private String processInstanceWaitingAt(String id, String activityId) {
    return runtime
        .createExecutionQuery()
        .processInstanceBusinessKey(id)
        .activityId(activityId)
        .list()
        .stream()
        .map(e -> e.getProcessInstanceId())
        .findFirst()
        .orElse("none");
  }

  private void signEverything(String id) {
    JsonNode signing =
        await()
            .atMost(PATIENCE)
            .until(
                () -> api.as("rita").get("/api/contracts/" + id + "/signing"),
                r -> r.status() == 200)
            .json();
    // each signer reads their link and their one-time code from the mail (GreenMail)
    assertThat(new SignerMail(MailServer.shared(), api).signOpenTurns(signing))
        .isEqualTo(signing.get("signers").size());
  }

  @Test
  void aContractGoesFromDraftThroughReviewAndSigningToItsEnd() {
    String id = draftWithDocument("rita", contractBody(createCounterparty("rita")));
    awaitPhase(id, "DRAFT", "Drafting");

    Api.Response submitted =
        api.as("rita")
            .post(
                "/api/contracts/" + id + "/submit",
                JSON.createObjectNode()
                    .put("nonStandardTerms", false)
                    .put("comment", "ready for review"));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);

    // 12,000.50 EUR of services: legal and finance review in parallel
    JsonNode review = awaitPhase(id, "IN_REVIEW", "Review and approval");
    await().atMost(PATIENCE).until(() -> openTasks("admin", id).size() == 2);
    assertThat(process("rita", id).get("approvalRouting").get("approverGroups"))
        .extracting(JsonNode::asText)
        .containsExactly("legal-reviewer", "finance-approver");
    String legalTask = taskFor("leo", id);
    assertThat(
            api.as("fiona")
                .post(
                    "/api/tasks/" + legalTask + "/complete",
                    JSON.createObjectNode().put("decision", "APPROVE"))
                .status())
        .as("not fiona's group")
        .isEqualTo(404);
    assertThat(api.as("rita").post("/api/tasks/" + legalTask + "/claim", null).status())
        .isEqualTo(404);

    Api.Response claimed = api.as("leo").post("/api/tasks/" + legalTask + "/claim", null);
    assertThat(claimed.json().get("assignee").asText()).isEqualTo("leo");
    assertThat(api.as("leo").get("/api/contracts/" + id).status())
        .as("reviewers read what they review")
        .isEqualTo(200);
    complete("leo", legalTask, "APPROVE", "standard terms");
    complete("fiona", taskFor("fiona", id), "APPROVE", "within budget");

    awaitPhase(id, "SIGNING", "Signing");
    signEverything(id);

    awaitPhase(id, "ACTIVE", "Active term");
    JsonNode current =
        StreamSupport.stream(
                api.as("rita").get("/api/contracts/" + id + "/documents").json().spliterator(),
                false)
            .filter(v -> v.get("current").asBoolean())
            .findFirst()
            .orElseThrow();
    assertThat(current.get("fileName").asText()).endsWith("-signed.pdf");

    // ends in 45 days with 30 days' notice: the renewal decision is already due
    await().atMost(PATIENCE).until(() -> openTasks("rita", id).size() == 1);
    complete("rita", taskFor("rita", id), "TERMINATE", "no longer needed");
    await()
        .atMost(PATIENCE)
        .until(() -> !processInstanceWaitingAt(id, "Event_NoticeTermEnds").equals("none"));
    fireTimer(id, "Event_NoticeTermEnds");
    awaitPhase(id, "TERMINATED", "Ended");

    JsonNode history = api.as("rita").get("/api/contracts/" + id + "/history").json();
    List<String> statuses = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (JsonNode entry : history.get("content")) {
      kinds.add(entry.get("kind").asText());
      if (entry.get("kind").asText().equals("STATUS_CHANGED")) {
        statuses.add(entry.get("actor").asText() + ":" + entry.get("details").get("to").asText());
      }
    }
    assertThat(statuses)
        .containsExactly(
            "rita:IN_REVIEW",
            "system:APPROVED",
            "system:SIGNING",
            "system:ACTIVE",
            "system:TERMINATED");
    assertThat(kinds)
        .contains("CREATED", "DECISION", "TASK_COMPLETED", "SIGNING", "TERMINATION_NOTICE");
    assertThat(history.toString()).contains("Sent for signature", "Signed by", "sealed");
    assertThat(history.toString()).contains("within budget", "standard terms", "no longer needed");
    assertThat(history.get("verification").get("intact").asBoolean()).isTrue();
  }

  @Test
  void aContractWithoutRenewalExpiresAtItsEndDate() {
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.put("type", "NDA").putObject("value").put("amount", 500).put("currency", "EUR");
    body.putObject("renewal").put("autoRenew", false);
    String id = draftWithDocument("rita", body);
    awaitPhase(id, "DRAFT", "Drafting");

    assertThat(api.as("rita").post("/api/contracts/" + id + "/submit", null).status())
        .isEqualTo(202);
    // a standard NDA of 500 EUR needs no approver
    awaitPhase(id, "SIGNING", "Signing");
    assertThat(process("rita", id).get("approvalRouting").get("approverGroups")).isEmpty();
    signEverything(id);
    awaitPhase(id, "ACTIVE", "Active term");

    await()
        .atMost(PATIENCE)
        .until(() -> !processInstanceWaitingAt(id, "Event_TermEnds").equals("none"));
    fireTimer(id, "Event_TermEnds");

    awaitPhase(id, "EXPIRED", "Ended");
  }

  @Test
  void requestedChangesBringTheDraftBackForEditingAndResubmission() {
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", 900).put("currency", "USD");
    String id = draftWithDocument("rita", body);
    awaitPhase(id, "DRAFT", "Drafting");
    api.as("rita").post("/api/contracts/" + id + "/submit", null);
    awaitPhase(id, "IN_REVIEW", "Review and approval");
    await().atMost(PATIENCE).until(() -> openTasks("admin", id).size() == 1);

    ObjectNode noReason = JSON.createObjectNode().put("decision", "REQUEST_CHANGES");
    assertThat(
            api.as("leo").post("/api/tasks/" + taskFor("leo", id) + "/complete", noReason).status())
        .as("a request for changes needs a comment")
        .isEqualTo(400);
    complete("leo", taskFor("leo", id), "REQUEST_CHANGES", "governing law must be ours");

    awaitPhase(id, "DRAFT", "Drafting");
    Api.Response contract = api.as("rita").get("/api/contracts/" + id);
    ObjectNode edit = contractBody(contract.json().get("counterparty").get("id").asText());
    Api.Response edited = api.as("rita").ifMatch(contract.etag()).put("/api/contracts/" + id, edit);
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(api.as("rita").post("/api/contracts/" + id + "/submit", null).status())
        .isEqualTo(202);
    awaitPhase(id, "IN_REVIEW", "Review and approval");
  }

  @Test
  void theOwnerCannotApproveTheirOwnContract() {
    String id = draftWithDocument("admin", contractBody(createCounterparty("admin")));
    awaitPhase(id, "DRAFT", "Drafting");
    api.as("admin").post("/api/contracts/" + id + "/submit", null);
    await().atMost(PATIENCE).until(() -> openTasks("admin", id).size() == 2);

    String task = openTasks("admin", id).get(0).get("id").asText();
    Api.Response refused =
        api.as("admin")
            .post(
                "/api/tasks/" + task + "/complete",
                JSON.createObjectNode().put("decision", "APPROVE"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Four eyes");
    assertThat(openTasks("admin", id)).hasSize(2);
  }

  @Test
  void aDraftWithoutADocumentCannotBeSubmitted() {
    String id = createContract("rita").get("id").asText();
    awaitPhase(id, "DRAFT", "Drafting");

    Api.Response refused = api.as("rita").post("/api/contracts/" + id + "/submit", null);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("no document");
    assertThat(api.as("ravi").post("/api/contracts/" + id + "/submit", null).status())
        .isEqualTo(404);
    assertThat(api.as("audrey").post("/api/contracts/" + id + "/submit", null).status())
        .isEqualTo(403);
  }

  @Test
  void cancellingDuringReviewEndsTheReviewTasks() {
    String id = draftWithDocument("rita", contractBody(createCounterparty("rita")));
    awaitPhase(id, "DRAFT", "Drafting");
    api.as("rita").post("/api/contracts/" + id + "/submit", null);
    await().atMost(PATIENCE).until(() -> openTasks("admin", id).size() == 2);

    Api.Response cancelled = api.as("rita").post("/api/contracts/" + id + "/cancel", null);

    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    awaitPhase(id, "CANCELLED", "Ended");
    assertThat(openTasks("admin", id)).isEmpty();
  }

  @Test
  void anActiveContractCanBeTerminatedEarlyByItsOwnerOnly() {
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.put("type", "NDA").putObject("value").put("amount", 100).put("currency", "EUR");
    body.remove("endDate");
    body.putObject("renewal").put("autoRenew", false);
    String id = draftWithDocument("rita", body);
    awaitPhase(id, "DRAFT", "Drafting");
    assertThat(
            api.as("rita")
                .post("/api/contracts/" + id + "/terminate", Map.of("reason", "x"))
                .status())
        .as("not active yet")
        .isEqualTo(409);
    api.as("rita").post("/api/contracts/" + id + "/submit", null);
    awaitPhase(id, "SIGNING", "Signing");
    signEverything(id);
    awaitPhase(id, "ACTIVE", "Active term");

    assertThat(
            api.as("ravi")
                .post("/api/contracts/" + id + "/terminate", Map.of("reason", "x"))
                .status())
        .isEqualTo(404);
    assertThat(
            api.as("rita")
                .post("/api/contracts/" + id + "/terminate", Map.of("reason", " "))
                .status())
        .isEqualTo(400);
    Api.Response terminated =
        api.as("rita")
            .post(
                "/api/contracts/" + id + "/terminate",
                Map.of("reason", "the supplier went bankrupt"));

    assertThat(terminated.status()).as(terminated.toString()).isEqualTo(202);
    awaitPhase(id, "TERMINATED", "Ended");
    assertThat(api.as("rita").get("/api/contracts/" + id + "/history").body())
        .contains("the supplier went bankrupt");
  }
}
