package io.contractflow.platform.cost;

import static io.contractflow.platform.cost.StatementCounter.uncounted;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What each step of a contract's life costs in SQL: statements (by kind, and by who ran them: the
 * request's thread, the job executor, the outbox worker) and commits, from the step until the
 * platform is quiet again (its async continuations run, its outbox entries worked). Prints a table
 * for the performance notes; the bounds only catch a large return of repeated work, they are not
 * targets.
 */
@Import(StatementCounter.Wiring.class)
@Tag("own-platform") // a context of its own (its data source is wrapped): a second engine next to
// the
// shared context's would clash with it in one JVM, so it runs with the tests that start their own
@DirtiesContext
class RequestCostsIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired private StatementCounter counter;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ManagementService management;
  @Autowired private RuntimeService runtime;
  @Autowired private TaskService tasks;

  private final Map<String, Map<String, Long>> costs = new LinkedHashMap<>();

  /** When this test began, on the database's clock: older outbox entries are other tests' work. */
  private java.sql.Timestamp began;

  /** The contract this test takes through its life, once created. */
  private String contractId;

  private final Map<String, Map<String, Long>> requestStatements = new LinkedHashMap<>();

  @Test
  void eachStepOfALifecycleCostsAKnownNumberOfStatementsAndCommits() {
    began = uncounted(() -> jdbc.queryForObject("select now()", java.sql.Timestamp.class));
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.put("type", "SERVICES");
    body.putObject("renewal").put("autoRenew", false);

    String[] id = new String[1];
    measure(
        "create",
        () -> id[0] = createContract("rita", body).get("id").asText(),
        () -> openTasks(id[0]) == 1);
    contractId = id[0];
    String contract = "/api/contracts/" + id[0];
    measure("read", () -> expect(api.as("rita").get(contract), 200), () -> true);
    measure(
        "list",
        () ->
            expect(
                api.as("rita")
                    .get("/api/contracts?status=DRAFT&type=SERVICES&size=20&sort=createdAt,desc"),
                200),
        () -> true);
    measure(
        "upload",
        () ->
            expect(
                api.as("rita")
                    .upload(
                        contract + "/documents",
                        "services.pdf",
                        Corpus.PDF,
                        Corpus.sample("nda.pdf")),
                201),
        () -> true);
    measure(
        "submit",
        () ->
            expect(
                api.as("rita")
                    .post(
                        contract + "/submit",
                        JSON.createObjectNode()
                            .put("nonStandardTerms", false)
                            .put("comment", "ok")),
                202),
        () -> openTasks(id[0]) == 2);
    for (String[] approval :
        new String[][] {{"leo", "legal-reviewer"}, {"fiona", "finance-approver"}}) {
      String approver = approval[0];
      String task = taskOf(approval[1], id[0]);
      measure(
          "approve (" + approver + ")",
          () ->
              expect(
                  api.as(approver)
                      .post(
                          "/api/tasks/" + task + "/complete",
                          JSON.createObjectNode().put("decision", "APPROVE")),
                  204),
          () -> true);
    }
    await().atMost(PATIENCE).until(() -> status(id[0]).equals("SIGNING"));
    JsonNode signing =
        await()
            .atMost(PATIENCE)
            .until(() -> api.as("rita").get(contract + "/signing"), r -> r.status() == 200)
            .json();
    measure(
        "sign",
        () -> new SignerMail(MailServer.shared(), api).signOpenTurns(signing),
        () -> status(id[0]).equals("ACTIVE") && timer(id[0], "Event_TermEnds") != null);
    measure(
        "expire",
        () -> management.executeJob(timer(id[0], "Event_TermEnds").getId()),
        () -> status(id[0]).equals("EXPIRED"));

    System.out.println(
        "SQL per step of a lifecycle (statements by thread and kind, commits; poll = the job"
            + " executor's and the outbox's idle queries while the step ran):");
    costs.forEach((step, cost) -> System.out.printf("  %-18s %s%n", step, cost));
    System.out.println("The request threads' statements per step (most frequent first):");
    requestStatements.forEach(
        (step, statements) -> {
          System.out.printf("  %s%n", step);
          statements.entrySet().stream()
              .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
              .limit(15)
              .forEach(e -> System.out.printf("    %4d  %s%n", e.getValue(), e.getKey()));
        });

    assertThat(costs.get("read").get("request.commits"))
        .as("a read is one transaction (the password check is remembered)")
        .isEqualTo(1L);
    assertThat(costs.get("create").get("request.commits")).as("create").isLessThanOrEqualTo(2L);
    // 74 (was 87 before the task facts' creation stopped writing ACT_HI_DETAIL rows)
    assertThat(costs.get("create").getOrDefault("request.statements", 0L)).isLessThan(90L);
    assertThat(costs.get("expire").getOrDefault("other.statements", 0L))
        .as("the end-date timer's job (run here by the test) moved the contract")
        .isPositive();
  }

  private void measure(String step, Runnable action, BooleanSupplier done) {
    awaitQuiet();
    Map<String, Long> before = counter.snapshot();
    Map<String, Long> statementsBefore = counter.requestStatements();
    action.run();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> uncounted(done::getAsBoolean));
    awaitQuiet();
    costs.put(step, StatementCounter.difference(before, counter.snapshot()));
    requestStatements.put(
        step, StatementCounter.difference(statementsBefore, counter.requestStatements()));
  }

  /**
   * No async continuation of this test's contract and no outbox entry written since the test began
   * is waiting to be worked (the database may hold other tests' leftovers).
   */
  private void awaitQuiet() {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                uncounted(
                    () ->
                        pendingJobs() == 0
                            && jdbc.queryForObject(
                                    "select count(*) from contractflow.outbox where done_at is null"
                                        + " and failed_at is null and next_attempt_at <= now()"
                                        + " and created_at >= ?",
                                    Long.class,
                                    began)
                                == 0));
  }

  private long pendingJobs() {
    if (contractId == null) {
      return 0;
    }
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(contractId)
        .list()
        .stream()
        .mapToLong(
            p ->
                management
                    .createJobQuery()
                    .processInstanceId(p.getId())
                    .executable()
                    .messages()
                    .count())
        .sum();
  }

  private long openTasks(String id) {
    return tasks.createTaskQuery().processInstanceBusinessKey(id).count();
  }

  private String taskOf(String group, String id) {
    return uncounted(
        () ->
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(id)
                .taskCandidateGroup(group)
                .singleResult()
                .getId());
  }

  private String status(String id) {
    return uncounted(
        () ->
            jdbc.queryForObject(
                "select status from contractflow.contract where id = ?",
                String.class,
                UUID.fromString(id)));
  }

  private Job timer(String id, String activity) {
    return uncounted(
        () ->
            runtime
                .createExecutionQuery()
                .processInstanceBusinessKey(id)
                .activityId(activity)
                .list()
                .stream()
                .findFirst()
                .map(
                    e ->
                        management
                            .createJobQuery()
                            .timers()
                            .processInstanceId(e.getProcessInstanceId())
                            .activityId(activity)
                            .singleResult())
                .orElse(null));
  }

  private static void expect(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
  }
}
