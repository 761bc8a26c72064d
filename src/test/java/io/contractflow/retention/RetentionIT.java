package io.contractflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.storage.DocumentStore;
import io.contractflow.privacy.PrivacyFixture;
import io.contractflow.privacy.PrivacyFixture.Person;
import io.contractflow.search.SearchProperties;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import io.contractflow.support.SignerMail;
import io.contractflow.support.StoreSearch;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 21's retention: an NDA that expired two years ago under a 12-month policy is listed by a
 * retention run, a contract admin confirms the deletion, and afterwards no byte of its unique
 * marker is left in any table of the platform or the engine (history included), in the search index
 * or the document store; the anchor taken before accounts for its chain by the tombstone. An NDA
 * with the same dates under legal hold is not listed; one held after the listing is kept when its
 * turn comes. Only contract admins set policies and confirm; only admins and legal reviewers place
 * holds. Dates are relative to the platform's clock.
 */
class RetentionIT extends IntegrationTest {

  private static final String POLICIES = "/api/admin/retention-policies";
  private static final String DUE = "/api/admin/retention/due";

  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired OpenSearchClient search;
  @Autowired SearchProperties searchProperties;
  @Autowired DocumentStore store;

  @Test
  void aConfirmedRunDeletesTheDueContractFromEveryStoreAndALegalHoldKeepsOne() throws IOException {
    JsonNode before = api.as("admin").get(POLICIES).json();
    ObjectNode policies = JSON.createObjectNode().put("defaultMonths", 1200);
    policies.putObject("types").put("NDA", 12);
    // only contract admins see or set policies; bad input names the fields
    for (String user : List.of("rita", "leo", "audrey")) {
      assertThat(api.as(user).get(POLICIES).status()).as(user).isEqualTo(403);
      assertThat(api.as(user).put(POLICIES, policies).status()).as(user).isEqualTo(403);
      assertThat(api.as(user).get(DUE).status()).as(user).isEqualTo(403);
      assertThat(api.as(user).post("/api/admin/retention/runs", null).status())
          .as(user)
          .isEqualTo(403);
    }
    ObjectNode bad = JSON.createObjectNode().put("defaultMonths", 0);
    bad.putObject("types").put("NDA", 5000).put("HANDSHAKE", 12);
    Api.Response refused = api.as("admin").put(POLICIES, bad);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(refused.body()).contains("defaultMonths", "types.NDA", "types.HANDSHAKE");

    Api.Response set = api.as("admin").put(POLICIES, policies);
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().get("effective").get("NDA").asInt()).isEqualTo(12);
    assertThat(set.json().get("effective").get("SERVICES").asInt()).isEqualTo(1200);
    try {
      run();
    } finally {
      ObjectNode restore =
          JSON.createObjectNode().put("defaultMonths", before.get("defaultMonths").asInt());
      restore.set("types", before.get("types"));
      assertThat(api.as("admin").put(POLICIES, restore).status()).isEqualTo(200);
    }
  }

  private void run() throws IOException {
    String marker = "Rtn" + UUID.randomUUID().toString().substring(0, 8);
    Person owner = PrivacyFixture.newRequester(identity, "Otto");
    Person contact = PrivacyFixture.external("Cora");
    Person signer =
        new Person(null, null, "Sig " + marker, marker.toLowerCase() + "@outside.example.net");
    String due = expiredNda(owner, contact, signer, "Supply " + marker, "Terms of " + marker);
    String heldBefore = expiredNda(owner, contact, PrivacyFixture.external("Hal"), "Held", "x");
    String heldAfter = expiredNda(owner, contact, PrivacyFixture.external("Ida"), "Late", "y");
    String dueRef = reference(due);
    String heldBeforeRef = reference(heldBefore);
    String heldAfterRef = reference(heldAfter);

    // legal holds: admins (and legal reviewers of contracts they read), with a reason
    assertThat(hold("rita", heldBefore).status()).as("a stranger").isEqualTo(404);
    assertThat(hold(owner.userId(), owner.password(), heldBefore).status())
        .as("the owner")
        .isEqualTo(403);
    assertThat(hold("audrey", heldBefore).status()).as("an auditor").isEqualTo(403);
    Api.Response noReason =
        api.as("admin")
            .put("/api/contracts/" + heldBefore + "/legal-hold", JSON.createObjectNode());
    assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
    Api.Response held = hold("admin", heldBefore);
    assertThat(held.status()).as(held.toString()).isEqualTo(200);
    assertThat(held.json().get("legalHold").get("reason").asText()).isEqualTo("litigation");
    assertThat(hold("admin", heldBefore).status()).as("held already").isEqualTo(409);
    assertThat(PrivacyFixture.history(api, heldBefore).toString()).contains("LEGAL_HOLD_PLACED");

    List<String> dueNow = references(api.as("admin").get(DUE).json());
    assertThat(dueNow).contains(dueRef, heldAfterRef).doesNotContain(heldBeforeRef);

    List<String> keys =
        jdbc.queryForList(
            "select storage_key from contractflow.document_version where contract_id = ?::uuid",
            String.class,
            due);
    assertThat(keys).isNotEmpty();
    assertThat(keys).allMatch(store::exists);
    StoreSearch stores = new StoreSearch(jdbc);
    assertThat(stores.leftovers(marker)).as("the marker is in the stores before").isNotEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from public.act_hi_procinst where business_key_ = ?",
                Long.class,
                due))
        .isPositive();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> indexed(due).toLowerCase().contains(marker.toLowerCase()));
    Api.Response anchored = api.as("admin").post("/api/admin/audit/anchors", null);
    assertThat(anchored.status()).as(anchored.toString()).isIn(201, 204);

    // a run lists what is due and offers contract admins the task to confirm it
    Api.Response started = api.as("admin").post("/api/admin/retention/runs", null);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String runId = started.json().get("runId").asText();
    String task = confirmTask(dueRef);
    JsonNode shown = api.as("admin").get("/api/tasks/" + task + "/form/variables").json();
    assertThat(shown.get("dueList").asText())
        .contains(dueRef, heldAfterRef)
        .doesNotContain(heldBeforeRef)
        .doesNotContain(marker);

    // a hold placed after the listing keeps the contract when its turn comes
    assertThat(hold("admin", heldAfter).status()).isEqualTo(200);

    // others' contracts that happen to be due in this database are kept this time
    Set<String> keep = new LinkedHashSet<>(dueNow);
    keep.remove(dueRef);
    keep.remove(heldAfterRef);
    ObjectNode confirm = JSON.createObjectNode();
    confirm
        .putObject("values")
        .put("retentionDecision", "CONFIRM")
        .put("keepReferences", String.join(" ", keep))
        .put("comment", "retention as per policy");
    Api.Response byRequester = api.as("rita").post("/api/tasks/" + task + "/complete", confirm);
    assertThat(byRequester.status()).as("a requester does not see the task").isEqualTo(404);
    int byEngine =
        api.as("rita")
            .send(
                "POST",
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\": {\"retentionDecision\": {\"value\": \"CONFIRM\"}}}",
                "application/json")
            .status();
    assertThat(byEngine).as("a requester through the engine's REST API").isIn(403, 404);
    Api.Response byAuditor = api.as("audrey").post("/api/tasks/" + task + "/complete", confirm);
    assertThat(byAuditor.status()).as(byAuditor.toString()).isEqualTo(403);
    assertThat(byAuditor.contentType()).contains("application/problem+json");
    Api.Response confirmed = api.as("admin").post("/api/tasks/" + task + "/complete", confirm);
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> outcomes(runId).size() == 2);
    assertThat(outcomes(runId))
        .containsExactlyInAnyOrder(dueRef + " DELETED", heldAfterRef + " SKIPPED_LEGAL_HOLD");
    assertThat(
            jdbc.queryForObject(
                "select deleted::text from contractflow.retention_deletion"
                    + " where run_id = ? and contract_id = ?::uuid",
                String.class,
                runId,
                due))
        .as("the evidence names what was deleted per store")
        .contains(
            "document_version", "signing_request", "audit_entry", "engine historic instances");
    assertThat(api.as("admin").get("/api/contracts/" + due).status()).isEqualTo(404);
    for (String kept : List.of(heldBefore, heldAfter)) {
      JsonNode contract = api.as("admin").get("/api/contracts/" + kept).json();
      assertThat(contract.get("status").asText()).isEqualTo("EXPIRED");
      assertThat(contract.get("legalHold").isNull()).isFalse();
    }

    // no trace of it: database (engine history included), index, document store
    assertThat(stores.leftovers(marker)).as("the marker left after the deletion").isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from public.act_hi_procinst where business_key_ = ?",
                Long.class,
                due))
        .isZero();
    await().atMost(Duration.ofSeconds(30)).until(() -> keys.stream().noneMatch(store::exists));
    await().atMost(Duration.ofSeconds(60)).until(() -> indexed(due).isEmpty());

    // the chains: the anchor accounts for the deleted one by its tombstone, the others verify
    JsonNode anchors = api.as("admin").get("/api/admin/audit/anchors/verification").json();
    assertThat(anchors.get("deletedByRetention").toString()).contains(due);
    for (String finding : List.of("truncated", "rewritten", "broken")) {
      assertThat(anchors.get(finding).toString()).as(finding).doesNotContain(due);
    }
    for (String kept : List.of(heldBefore, heldAfter)) {
      assertThat(PrivacyFixture.history(api, kept).get("verification").get("intact").asBoolean())
          .isTrue();
    }

    // lifted, the held contract is due again
    Api.Response lifted =
        api.as("admin")
            .post(
                "/api/contracts/" + heldBefore + "/legal-hold/lift",
                JSON.createObjectNode().put("reason", "settled"));
    assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
    assertThat(lifted.json().get("legalHold").isNull()).isTrue();
    assertThat(PrivacyFixture.history(api, heldBefore).toString()).contains("LEGAL_HOLD_LIFTED");
    assertThat(references(api.as("admin").get(DUE).json())).contains(heldBeforeRef);
  }

  /**
   * A signed NDA of the owner that ended two years ago: expired as soon as it became active. Its
   * title, description, submit comment and signer carry what the caller gives.
   */
  private String expiredNda(
      Person owner, Person contact, Person signer, String title, String description) {
    LocalDate end = today().minusYears(2);
    ObjectNode body = contractBody(PrivacyFixture.counterparty(api, owner, contact));
    body.put("title", title).put("description", description);
    body.put("startDate", end.minusYears(1).toString()).put("endDate", end.toString());
    String id = PrivacyFixture.nda(api, owner, body);
    PrivacyFixture.signers(api, owner, id, signer);
    PrivacyFixture.awaitPhase(api, id, "DRAFT", "Drafting");
    Api.Response submitted =
        owner
            .as(api)
            .post(
                "/api/contracts/" + id + "/submit",
                JSON.createObjectNode().put("comment", "Please sign " + title));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
    PrivacyFixture.awaitPhase(api, id, "SIGNING", "Signing");
    JsonNode signing =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> owner.as(api).get("/api/contracts/" + id + "/signing"),
                r -> r.status() == 200)
            .json();
    assertThat(new SignerMail(MailServer.shared(), api).signOpenTurns(signing)).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> api.as("admin").get("/api/contracts/" + id).json().get("status").asText(),
            "EXPIRED"::equals);
    return id;
  }

  private Api.Response hold(String user, String contractId) {
    return hold(user, user, contractId);
  }

  private Api.Response hold(String user, String password, String contractId) {
    return api.as(user, password)
        .put(
            "/api/contracts/" + contractId + "/legal-hold",
            JSON.createObjectNode().put("reason", "litigation"));
  }

  private String reference(String contractId) {
    return api.as("admin").get("/api/contracts/" + contractId).json().get("reference").asText();
  }

  private static List<String> references(JsonNode due) {
    List<String> found = new ArrayList<>();
    due.forEach(d -> found.add(d.get("reference").asText()));
    return found;
  }

  /** The open "Confirm deletion" task whose list names the reference. */
  private String confirmTask(String reference) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonNode tasks = api.as("admin").get("/api/tasks").json();
              return StreamSupport.stream(tasks.spliterator(), false)
                  .filter(t -> "Task_ConfirmDeletion".equals(t.get("key").asText()))
                  .map(t -> t.get("id").asText())
                  .filter(
                      id ->
                          api.as("admin")
                              .get("/api/tasks/" + id + "/form/variables")
                              .body()
                              .contains(reference))
                  .findFirst();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  /** "reference outcome" of every contract the run handled. */
  private List<String> outcomes(String runId) {
    List<String> found = new ArrayList<>();
    api.as("admin")
        .get("/api/admin/retention/deletions")
        .json()
        .forEach(
            e -> {
              if (e.get("runId").asText().equals(runId)) {
                found.add(e.get("reference").asText() + " " + e.get("outcome").asText());
              }
            });
    return found;
  }

  private String indexed(String contractId) throws IOException {
    var response =
        search.get(g -> g.index(searchProperties.index()).id(contractId), ObjectNode.class);
    return response.found() && response.source() != null ? response.source().toString() : "";
  }
}
