package io.contractflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.search.EmbeddedOpenSearch;
import io.contractflow.support.Api;
import io.contractflow.support.FreshDatabase;
import io.contractflow.support.MailServer;
import io.contractflow.support.PlatformClock;
import io.contractflow.support.PlatformNode;
import io.contractflow.support.ProcessViews;
import io.contractflow.support.SignerMail;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes, one database: two application processes (separate JVMs, started at the same moment, as
 * a scaled Deployment starts its pods) on one fresh PostgreSQL, sharing document storage, the
 * master key and one OpenSearch node, both with the job executor on. Contracts go through the
 * lifecycle over HTTP with every step on the other node than the one before; every job runs exactly
 * once and every status change, audit entry and mail exists once. Then one node is killed while it
 * holds jobs, and the other finishes them once their lock has expired.
 */
@Tag("own-platform")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(180);

  /**
   * Short, so the surviving node takes over a crashed node's jobs soon (the engine's default is 5
   * minutes).
   */
  private static final int LOCK_MILLIS = 15_000;

  private static final Map<String, String> APPROVERS =
      Map.of("legal-reviewer", "leo", "finance-approver", "fiona", "executive-approver", "erin");
  private static final List<String> TO_ACTIVE =
      List.of("DRAFT>IN_REVIEW", "IN_REVIEW>APPROVED", "APPROVED>SIGNING", "SIGNING>ACTIVE");

  private static Path workDir;
  private static EmbeddedOpenSearch search;
  private static FreshDatabase database;
  private static PlatformNode nodeA;
  private static PlatformNode nodeB;
  private static String counterpartyId;
  private static final byte[] PDF = Corpus.sample("nda.pdf");

  @BeforeAll
  static void startTwoNodes() throws Exception {
    workDir = Path.of("target", "two-nodes", UUID.randomUUID().toString()).toAbsolutePath();
    search = PlatformNode.openSearch(workDir.resolve("opensearch"));
    database = FreshDatabase.create("two_nodes", workDir);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    List<String> shared =
        List.of(
            "--spring.datasource.url=" + database.jdbcUrl(),
            "--spring.datasource.username=" + database.username(),
            "--spring.datasource.password=" + database.password(),
            "--spring.datasource.hikari.maximum-pool-size=10",
            // what every node must share: the database, the documents, their master key, the search
            // cluster
            "--contractflow.documents.storage.filesystem.root=" + workDir.resolve("documents"),
            "--contractflow.documents.encryption.master-key="
                + Base64.getEncoder().encodeToString(key),
            "--contractflow.search.url=" + search.httpUrl(),
            "--camunda.bpm.job-execution.deployment-aware=false",
            "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
            "--camunda.bpm.job-execution.max-wait=2000",
            // signers' links and codes come by mail
            "--contractflow.notifications.delivery=smtp",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + MailServer.shared().port(),
            "--contractflow.outbox.poll-interval=200ms");
    // both at once: the start-up lock lets one node create the schema and deploy while the other
    // waits
    nodeA = PlatformNode.launch("node-a", workDir.resolve("node-a"), shared);
    nodeB = PlatformNode.launch("node-b", workDir.resolve("node-b"), shared);
    nodeA.awaitReady(Duration.ofMinutes(6));
    nodeB.awaitReady(Duration.ofMinutes(6));
    Api.Response counterparty =
        nodeA
            .api()
            .as("rita")
            .post(
                "/api/counterparties",
                JSON.createObjectNode()
                    .put("name", "Two Nodes Ltd")
                    .put("contactEmail", "legal@two-nodes.example"));
    expect(counterparty, 201, "create the counterparty");
    counterpartyId = counterparty.json().get("id").asText();
  }

  @AfterAll
  static void stop() throws Exception {
    for (PlatformNode node : new PlatformNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (database != null) {
      database.close();
    }
    if (search != null) {
      search.close();
    }
  }

  @Test
  @Order(1)
  void startingTogetherDeploysOnceAndCreatesEverythingOnce() throws Exception {
    assertThat(rows("select key_ || ' v' || version_ from act_re_procdef order by key_, version_"))
        .as("every model deployed once, by one of the nodes")
        .contains("contract-lifecycle v1")
        .doesNotContain("contract-lifecycle v2", "contract-review v2");
    assertThat(rows("select name_ from act_re_deployment")).hasSize(1);
    assertThat(rows("select name_ from act_ru_filter group by name_, owner_ having count(*) > 1"))
        .as("shipped Tasklist filters")
        .isEmpty();
    assertThat(rows("select key from contractflow.clause group by key having count(*) > 1"))
        .as("the seeded clause library")
        .isEmpty();
    assertThat(
            rows(
                "select group_id_ || ':' || user_id_ || ':' || resource_type_ || ':' || resource_id_ "
                    + "from act_ru_authorization group by group_id_, user_id_, resource_type_, resource_id_ having count(*) > 1"))
        .as("authorizations")
        .isEmpty();
    assertThat(nodeA.logTail() + nodeB.logTail()).doesNotContain("APPLICATION FAILED TO START");
  }

  @Test
  @Order(2)
  void everyStepOnTheOtherNodeAndEveryJobOnce() throws Exception {
    int count = 20;
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<String>> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      runs.add(clients.submit(() -> lifecycle(index)));
    }
    Map<String, Boolean> contracts = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      contracts.put(runs.get(i).get(), i % 2 == 0);
    }
    clients.shutdown();

    for (Map.Entry<String, Boolean> contract : contracts.entrySet()) {
      List<String> expected = new ArrayList<>(TO_ACTIVE);
      if (contract.getValue()) {
        expected.add("ACTIVE>EXPIRED");
      }
      assertThat(statusChanges(contract.getKey()))
          .as("status changes of " + contract.getKey())
          .isEqualTo(expected);
    }
    assertExactlyOnce(contracts.keySet());
    assertThat(rows("select distinct hostname_ from act_hi_job_log where job_state_ = 2"))
        .as("both nodes ran jobs")
        .containsExactlyInAnyOrder("node-a", "node-b");
  }

  @Test
  @Order(3)
  void aCrashedNodesJobsAreTakenOverAfterTheirLockExpires() throws Exception {
    Map<String, Timestamp> orphaned = new HashMap<>();
    List<String> contracts = new ArrayList<>();
    for (int round = 0; round < 5 && nodeB.alive(); round++) {
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        batch.add(createAndUpload(nodeB, 100 + round * 20 + i, false));
      }
      contracts.addAll(batch);
      // the submits commit on node B, whose job executor is told at once and takes the jobs they
      // create
      for (String id : batch) {
        expect(
            nodeB
                .api()
                .as("rita")
                .post(
                    "/api/contracts/" + id + "/submit",
                    JSON.createObjectNode().put("nonStandardTerms", false).put("comment", "ready")),
            202,
            "submit");
      }
      try (Connection watching = database.connect()) {
        if (!await(
                Duration.ofSeconds(20),
                () -> lockedBy(watching, "node-b"),
                locked -> !locked.isEmpty(),
                true)
            .isEmpty()) {
          nodeB.crash();
          // what it held when it died: locked in its name, until the lock time passes
          orphaned.putAll(lockedBy(watching, "node-b"));
        }
      }
    }
    assertThat(orphaned).as("node B held jobs when it was killed").isNotEmpty();
    assertThat(nodeB.alive()).isFalse();

    for (String id : contracts) {
      finishOn(nodeA, id);
      assertThat(statusChanges(id)).as("status changes of " + id).isEqualTo(TO_ACTIVE);
    }
    for (Map.Entry<String, Timestamp> job : orphaned.entrySet()) {
      List<String> runs =
          rows(
              "select hostname_ || ' ' || (timestamp_ >= '"
                  + job.getValue()
                  + "') "
                  + "from act_hi_job_log where job_id_ = '"
                  + job.getKey()
                  + "' and job_state_ = 2");
      assertThat(runs)
          .as(
              "job "
                  + job.getKey()
                  + " that node B held: run once, by node A, after its lock expired")
          .containsExactly("node-a true");
    }
    assertExactlyOnce(contracts);
  }

  // --- one lifecycle, alternating nodes

  private String lifecycle(int index) {
    PlatformNode first = index % 2 == 0 ? nodeA : nodeB;
    PlatformNode second = first == nodeA ? nodeB : nodeA;
    boolean ended = index % 2 == 0;
    String id = createAndUpload(first, index, ended);
    String contract = "/api/contracts/" + id;
    // submitted on the other node
    expect(
        second
            .api()
            .as("rita")
            .post(
                contract + "/submit",
                JSON.createObjectNode().put("nonStandardTerms", false).put("comment", "ready")),
        202,
        "submit");
    // the review tasks (created by whichever node's job executor ran "Start review"), each
    // completed on a node of
    // its own
    JsonNode review =
        await(PATIENCE, () -> process(first, contract), ProcessViews::hasReviewTasks, false);
    PlatformNode completing = first;
    for (JsonNode task : review.get("openTasks")) {
      String approver = APPROVERS.get(task.get("candidateGroups").get(0).asText());
      expect(
          completing
              .api()
              .as(approver)
              .post(
                  "/api/tasks/" + task.get("id").asText() + "/complete",
                  JSON.createObjectNode().put("decision", "APPROVE").put("comment", "fine")),
          204,
          "approve");
      completing = completing == nodeA ? nodeB : nodeA;
    }
    sign(second, first, contract);
    await(
        PATIENCE,
        () -> process(first, contract),
        p ->
            p.get("status").asText().equals(ended ? "EXPIRED" : "ACTIVE")
                && (ended || ProcessViews.waitsAtTermTimer(p)),
        false);
    return id;
  }

  /** The rest of a submitted contract's lifecycle, all on one node. */
  private void finishOn(PlatformNode node, String id) {
    String contract = "/api/contracts/" + id;
    JsonNode review =
        await(PATIENCE, () -> process(node, contract), ProcessViews::hasReviewTasks, false);
    for (JsonNode task : review.get("openTasks")) {
      String approver = APPROVERS.get(task.get("candidateGroups").get(0).asText());
      expect(
          node.api()
              .as(approver)
              .post(
                  "/api/tasks/" + task.get("id").asText() + "/complete",
                  JSON.createObjectNode().put("decision", "APPROVE").put("comment", "fine")),
          204,
          "approve");
    }
    sign(node, node, contract);
    await(
        PATIENCE,
        () -> process(node, contract),
        p -> p.get("status").asText().equals("ACTIVE") && ProcessViews.waitsAtTermTimer(p),
        false);
  }

  private String createAndUpload(PlatformNode node, int index, boolean ended) {
    LocalDate today = PlatformClock.today();
    ObjectNode body = JSON.createObjectNode();
    body.put("title", "Two nodes " + index);
    body.put("type", "SERVICES");
    body.put("counterpartyId", counterpartyId);
    body.putObject("value").put("amount", 12000.50).put("currency", "EUR");
    if (ended) {
      // ended last year: its end-date timer fires as soon as it is active
      body.put("startDate", today.minusYears(2).toString());
      body.put("endDate", today.minusYears(1).toString());
      body.putObject("renewal").put("autoRenew", false);
    } else {
      body.put("startDate", today.toString());
      body.put("endDate", today.plusYears(2).toString());
      body.putObject("renewal")
          .put("autoRenew", true)
          .put("renewalTermMonths", 12)
          .put("noticePeriodDays", 30);
    }
    Api.Response created = node.api().as("rita").post("/api/contracts", body);
    expect(created, 201, "create");
    String id = created.json().get("id").asText();
    expect(
        node.api()
            .as("rita")
            .upload("/api/contracts/" + id + "/documents", "services.pdf", Corpus.PDF, PDF),
        201,
        "upload");
    return id;
  }

  /**
   * Signs as each signer until the request is complete: the status is read on {@code reading}, link
   * and code come by mail, the code is asked for on {@code signing} and entered on {@code reading}
   * (codes and verified sessions live in the shared database), and the signature goes to {@code
   * signing}.
   */
  private void sign(PlatformNode reading, PlatformNode signing, String contract) {
    SignerMail onSigning = new SignerMail(MailServer.shared(), signing.api());
    SignerMail onReading = new SignerMail(MailServer.shared(), reading.api());
    while (true) {
      JsonNode request =
          await(
                  PATIENCE,
                  () -> reading.api().as("rita").get(contract + "/signing"),
                  r ->
                      r.status() == 200
                          && (ProcessViews.hasOpenTurn(r.json())
                              || !r.json().get("status").asText().equals("OPEN")),
                  false)
              .json();
      if (!request.get("status").asText().equals("OPEN")) {
        return;
      }
      String reference = request.get("contractReference").asText();
      for (JsonNode signer : request.get("signers")) {
        if (signer.get("turn").asBoolean() && signer.get("status").asText().equals("PENDING")) {
          String email = signer.get("email").asText();
          String token = onSigning.awaitLink(email, reference);
          Api.Response verified = onReading.enter(token, onSigning.code(token, email, reference));
          expect(verified, 200, "enter the code");
          expect(
              onSigning.sign(
                  token, verified.json().get("session").asText(), signer.get("name").asText()),
              200,
              "sign");
        }
      }
    }
  }

  private static JsonNode process(PlatformNode node, String contract) {
    Api.Response response = node.api().as("rita").get(contract + "/process");
    expect(response, 200, "read the process");
    return response.json();
  }

  // --- what the database says

  /** No job ran twice; no status change, audit entry or mail of these contracts exists twice. */
  private static void assertExactlyOnce(java.util.Collection<String> contracts) throws Exception {
    // the events' mails are worked out after their transactions: wait until none is left
    await(
        PATIENCE,
        () -> {
          try {
            return rows(
                "select count(*) from contractflow.outbox where topic = 'notification'"
                    + " and done_at is null and failed_at is null");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        left -> left.equals(List.of("0")),
        false);
    assertThat(
            rows(
                // the engine's history cleanup job runs again and again in its nightly window (it
                // belongs to no process instance); every job of a contract must run once
                "select job_id_ || ' ' || count(*) from act_hi_job_log where job_state_ = 2 "
                    + "and process_instance_id_ is not null group by job_id_ having count(*) > 1"))
        .as("jobs that succeeded more than once")
        .isEmpty();
    assertThat(rows("select count(*) from act_ru_incident")).as("incidents").containsExactly("0");
    String ids = "('" + String.join("','", contracts) + "')";
    assertThat(
            rows(
                "select contract_id || ' ' || kind || ' ' || summary from contractflow.audit_entry "
                    + "where contract_id in "
                    + ids
                    + " and kind <> 'COMMENT' "
                    + "group by contract_id, kind, summary, details having count(*) > 1"))
        .as("audit entries twice")
        .isEmpty();
    assertThat(
            rows(
                "select recipient_email || ': ' || subject from contractflow.mail where contract_id in "
                    + ids
                    + " group by contract_id, recipient_email, subject, text_body having count(*) > 1"))
        .as("the same mail twice")
        .isEmpty();
    assertThat(
            rows("select distinct contract_id from contractflow.mail where contract_id in " + ids))
        .as("every contract's mails were written")
        .hasSize(contracts.size());
  }

  private static List<String> statusChanges(String contractId) throws Exception {
    return rows(
        "select (details->>'from') || '>' || (details->>'to') from contractflow.audit_entry "
            + "where contract_id = '"
            + contractId
            + "' and kind = 'STATUS_CHANGED' order by seq");
  }

  /** The jobs locked in a node's name: id and lock expiry. */
  private static Map<String, Timestamp> lockedBy(Connection connection, String node) {
    Map<String, Timestamp> locked = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id_, lock_exp_time_ from act_ru_job where lock_owner_ = ? and lock_exp_time_ is not null")) {
      query.setString(1, node);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          locked.put(rs.getString(1), rs.getTimestamp(2));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return locked;
  }

  private static List<String> rows(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  /**
   * The first value {@code done} accepts; when {@code quiet}, the last value after the patience ran
   * out.
   */
  private static <T> T await(
      Duration patience, Supplier<T> probe, Predicate<T> done, boolean quiet) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      T value = probe.get();
      if (done.test(value) || (quiet && System.nanoTime() > deadline)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Gave up after " + patience + "; last seen: " + value);
      }
      try {
        Thread.sleep(quiet ? 5 : 100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static void expect(Api.Response response, int status, String step) {
    if (response.status() != status) {
      throw new AssertionError(step + ": expected " + status + ", got " + response);
    }
  }
}
