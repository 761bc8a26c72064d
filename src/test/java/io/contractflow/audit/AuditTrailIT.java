package io.contractflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail over the real stack: entries written by contract changes in their transaction,
 * read through {@code GET /api/contracts/{id}/history} by those who may read the contract,
 * tampering found by the chain, and parallel appends to one contract giving one unbroken chain.
 */
class AuditTrailIT extends IntegrationTest {

  @Autowired AuditTrail trail;
  @Autowired ContractTransitions transitions;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  private String history(String id) {
    return "/api/contracts/" + id + "/history";
  }

  private JsonNode readHistory(String user, String id) {
    Api.Response response = api.as(user).get(history(id));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** Appends {@code count} comments to the contract, each in a transaction of its own. */
  private void comment(UUID contractId, int count) {
    for (int i = 1; i <= count; i++) {
      int n = i;
      transactions.executeWithoutResult(
          tx ->
              trail.record(
                  contractId,
                  "leo",
                  AuditKinds.COMMENT,
                  "Comment " + n,
                  Map.of("n", n, "text", "looks fine")));
    }
  }

  @Test
  void creatingAndCancellingAreRecordedWithWhoDidIt() {
    JsonNode contract = createContract("rita");
    String id = contract.get("id").asText();
    assertThat(api.as("admin").post("/api/contracts/" + id + "/cancel", null).status())
        .isEqualTo(200);

    JsonNode body = readHistory("rita", id);

    JsonNode entries = body.get("content");
    assertThat(entries).hasSize(2);
    JsonNode created = entries.get(0);
    assertThat(created.get("seq").asInt()).isEqualTo(1);
    assertThat(created.get("kind").asText()).isEqualTo("CREATED");
    assertThat(created.get("actor").asText()).isEqualTo("rita");
    assertThat(created.get("summary").asText()).contains(contract.get("reference").asText());
    assertThat(created.get("details").get("reference").asText())
        .isEqualTo(contract.get("reference").asText());
    assertThat(created.get("prevHash").asText()).isEqualTo(EntryHash.GENESIS);

    JsonNode cancelled = entries.get(1);
    assertThat(cancelled.get("seq").asInt()).isEqualTo(2);
    assertThat(cancelled.get("kind").asText()).isEqualTo("STATUS_CHANGED");
    assertThat(cancelled.get("actor").asText()).isEqualTo("admin");
    assertThat(cancelled.get("details").get("from").asText()).isEqualTo("DRAFT");
    assertThat(cancelled.get("details").get("to").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("details").get("reason").asText()).isEqualTo("cancelled by admin");
    assertThat(cancelled.get("prevHash").asText()).isEqualTo(created.get("hash").asText());
    assertThat(cancelled.get("hash").asText())
        .matches("[0-9a-f]{64}")
        .isNotEqualTo(created.get("hash").asText());
    assertThat(Instant.parse(cancelled.get("at").asText()))
        .isAfterOrEqualTo(Instant.parse(created.get("at").asText()));

    assertThat(body.get("verification").get("intact").asBoolean()).isTrue();
    assertThat(body.get("verification").get("brokenAtSeq").isNull()).isTrue();
    assertThat(body.get("verification").get("entries").asInt()).isEqualTo(2);
    assertThat(body.get("page").get("totalElements").asInt()).isEqualTo(2);
  }

  @Test
  void onlyThoseWhoMayReadTheContractSeeItsHistory() {
    String id = createContract("rita").get("id").asText();

    Api.Response ravi = api.as("ravi").get(history(id));
    assertThat(ravi.status()).isEqualTo(404);
    assertThat(ravi.contentType()).startsWith("application/problem+json");
    assertThat(api.as("leo").get(history(id)).status()).isEqualTo(404);
    assertThat(api.anonymous().get(history(id)).status()).isEqualTo(401);
    assertThat(api.as("audrey").get(history(id)).status()).isEqualTo(200);
    assertThat(api.as("admin").get(history(id)).status()).isEqualTo(200);

    api.as("rita")
        .put(
            "/api/contracts/" + id + "/shares",
            JSON.createObjectNode()
                .put("principalType", "USER")
                .put("principalId", "ravi")
                .put("permission", "VIEW"));
    assertThat(api.as("ravi").get(history(id)).status()).isEqualTo(200);

    assertThat(api.as("rita").get(history(UUID.randomUUID().toString())).status()).isEqualTo(404);
    assertThat(api.as("rita").get("/api/contracts/not-an-id/history").status()).isEqualTo(400);
    assertThat(api.as("rita").get(history(id) + "?size=0").status()).isEqualTo(400);
    assertThat(api.as("rita").get(history(id) + "?size=101").status()).isEqualTo(400);
    assertThat(api.as("rita").get(history(id) + "?sort=actor").status()).isEqualTo(400);
  }

  @Test
  void aLifecycleStepIsRecordedInItsTransactionAndRolledBackWithIt() {
    UUID id = UUID.fromString(createContract("rita").get("id").asText());

    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      transitions.moveTo(id, ContractStatus.IN_REVIEW, "system", "submitted");
                      throw new IllegalStateException(
                          "the process step fails after the transition");
                    }))
        .hasMessageContaining("process step fails");
    assertThat(readHistory("rita", id.toString()).get("content")).hasSize(1);

    transactions.executeWithoutResult(
        tx -> transitions.moveTo(id, ContractStatus.IN_REVIEW, "system", "submitted"));

    JsonNode entries = readHistory("rita", id.toString()).get("content");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).get("actor").asText()).isEqualTo("system");
    assertThat(entries.get(1).get("summary").asText())
        .isEqualTo("Status changed from DRAFT to IN_REVIEW: submitted");
  }

  @Test
  void recordingNeedsARunningTransactionAndAContract() {
    UUID id = UUID.fromString(createContract("rita").get("id").asText());

    assertThatThrownBy(() -> trail.record(id, "leo", AuditKinds.COMMENT, "Outside", Map.of()))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx ->
                        trail.record(
                            UUID.randomUUID(), "leo", AuditKinds.COMMENT, "Nowhere", Map.of())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> trail.record(id, "leo", "not a kind", "Bad kind", Map.of())))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(readHistory("rita", id.toString()).get("verification").get("entries").asInt())
        .isEqualTo(1);
  }

  @Test
  void detailsReadBackAsRecordedAndStillVerify() {
    UUID id = UUID.fromString(createContract("rita").get("id").asText());
    transactions.executeWithoutResult(
        tx ->
            trail.record(
                id,
                "fiona",
                AuditKinds.DECISION,
                "Approved \"as is\"\n",
                Map.of(
                    "amount",
                    new java.math.BigDecimal("12000.50"),
                    "status",
                    ContractStatus.APPROVED,
                    "approvers",
                    List.of("leo", "fiona"),
                    "note",
                    "Zürich — ok",
                    "nested",
                    Map.of("z", 1, "a", 0.1))));

    JsonNode body = readHistory("rita", id.toString());

    JsonNode details = body.get("content").get(1).get("details");
    assertThat(details.get("amount").decimalValue()).isEqualByComparingTo("12000.5");
    assertThat(details.get("status").asText()).isEqualTo("APPROVED");
    assertThat(details.get("note").asText()).isEqualTo("Zürich — ok");
    assertThat(details.get("approvers").get(1).asText()).isEqualTo("fiona");
    assertThat(body.get("verification").get("intact").asBoolean()).isTrue();
  }

  @Test
  void aChangedSummaryBreaksTheChainAtThatEntry() {
    UUID id = UUID.fromString(createContract("rita").get("id").asText());
    comment(id, 4);
    assertThat(readHistory("rita", id.toString()).get("verification").get("intact").asBoolean())
        .isTrue();

    jdbc.update(
        "update contractflow.audit_entry set summary = 'Comment 2, softened' where contract_id = ? and seq = 3",
        id);

    JsonNode verification = readHistory("audrey", id.toString()).get("verification");
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("brokenAtSeq").asInt()).isEqualTo(3);
    assertThat(verification.get("entries").asInt()).isEqualTo(5);
  }

  @Test
  void aChangedDetailBreaksTheChainAtThatEntry() {
    UUID id = UUID.fromString(createContract("rita").get("id").asText());
    comment(id, 3);

    jdbc.update(
        "update contractflow.audit_entry set details = jsonb_set(details, '{text}', '\"rejected\"')"
            + " where contract_id = ? and seq = 2",
        id);

    JsonNode verification = readHistory("audrey", id.toString()).get("verification");
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("brokenAtSeq").asInt()).isEqualTo(2);
  }

  @Test
  void aDeletedMiddleEntryBreaksTheChainWhereItWas() {
    UUID id = UUID.fromString(createContract("rita").get("id").asText());
    comment(id, 4);

    jdbc.update("delete from contractflow.audit_entry where contract_id = ? and seq = 3", id);

    JsonNode body = readHistory("rita", id.toString());
    assertThat(body.get("verification").get("intact").asBoolean()).isFalse();
    assertThat(body.get("verification").get("brokenAtSeq").asInt()).isEqualTo(3);
    assertThat(body.get("verification").get("entries").asInt()).isEqualTo(4);
    assertThat(body.get("content").findValuesAsText("seq")).containsExactly("1", "2", "4", "5");
  }

  @Test
  void parallelAppendsToOneContractMakeOneUnbrokenChain() throws Exception {
    UUID id = UUID.fromString(createContract("rita").get("id").asText());
    int threads = 6;
    int perThread = 10;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        String actor = "reviewer" + t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    int n = i;
                    transactions.executeWithoutResult(
                        tx ->
                            trail.record(
                                id,
                                actor,
                                AuditKinds.TASK_COMPLETED,
                                actor + " completed task " + n,
                                Map.of("n", n)));
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    int total = 1 + threads * perThread;
    List<Integer> seqs =
        jdbc.queryForList(
            "select seq from contractflow.audit_entry where contract_id = ? order by seq",
            Integer.class,
            id);
    assertThat(seqs).containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());

    JsonNode first = api.as("rita").get(history(id.toString()) + "?size=50").json();
    JsonNode second = api.as("rita").get(history(id.toString()) + "?size=50&page=1").json();
    assertThat(first.get("verification").get("intact").asBoolean()).isTrue();
    assertThat(first.get("verification").get("entries").asInt()).isEqualTo(total);
    assertThat(first.get("page").get("totalElements").asInt()).isEqualTo(total);
    assertThat(first.get("page").get("totalPages").asInt()).isEqualTo(2);
    assertThat(first.get("content")).hasSize(50);
    assertThat(second.get("content")).hasSize(total - 50);
    assertThat(second.get("content").get(0).get("prevHash").asText())
        .isEqualTo(first.get("content").get(49).get("hash").asText());

    JsonNode newest = api.as("rita").get(history(id.toString()) + "?size=1&sort=seq,desc").json();
    assertThat(newest.get("content").get(0).get("seq").asInt()).isEqualTo(total);
  }
}
