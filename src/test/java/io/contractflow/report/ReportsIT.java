package io.contractflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import io.contractflow.support.SignerMail;
import io.contractflow.support.TestUsers;
import io.contractflow.workflow.LifecycleProperties;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reports on a known set of contracts, created through the API and driven through the real
 * process: a fresh requester ("owner") with an active NDA (approved without approvers, signed), a
 * services contract sent back once for changes and then approved (now signing), a draft in a
 * currency without a rate, a contract in review whose task is overdue and escalated, and a draft
 * another requester shared with her; that other requester has a draft of his own. Each report's
 * figures for the owner are checked exactly; neither requester finds the other's (unshared)
 * contracts in any report or export; auditors read everything; strangers get 401, bad parameters
 * 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final List<String> REPORTS =
      List.of(
          "portfolio",
          "renewals",
          "cycle-times",
          "approval-outcomes",
          "overdue-reviews",
          "signing-times");

  @Autowired private IdentityService identity;
  @Autowired private TaskService tasks;
  @Autowired private ManagementService management;
  @Autowired private RuntimeService runtime;
  @Autowired private LifecycleProperties lifecycle;
  @Autowired private WeeklyReportMail weeklyMail;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String owner = "repowner" + suffix;
  private final String other = "repother" + suffix;

  /** What must appear only in the reports of those who may read the owner's contracts. */
  private final List<String> ownersMarks = new ArrayList<>();

  /** What must appear only in the reports of those who may read the other's own draft. */
  private final List<String> othersMarks = new ArrayList<>();

  private final Map<String, JsonNode> contracts = new HashMap<>();

  @BeforeAll
  void aKnownSetOfContracts() {
    api = new Api(port);
    person(owner);
    person(other);

    // A: an NDA of 1,000 USD, no approvers needed, signed: active, ending in 45 days, 30 days'
    // notice
    JsonNode nda = draft(owner, body(owner, "NDA", "1000", "USD"));
    submit(owner, nda);
    awaitStatus(nda, "SIGNING");
    signEverything(nda);
    awaitStatus(nda, "ACTIVE");

    // B: services for 5,000 EUR: legal asks for changes once, then approves; now signing
    JsonNode services = draft(owner, body(owner, "SERVICES", "5000", "EUR"));
    submit(owner, services);
    complete("leo", taskOf("leo", services), "REQUEST_CHANGES", "clause 4 please");
    awaitStatus(services, "DRAFT");
    await()
        .atMost(PATIENCE)
        .until(() -> process(services).get("phase").asText(), "Drafting"::equals);
    submit(owner, services);
    complete("leo", taskOf("leo", services), "APPROVE", "fine now");
    awaitStatus(services, "SIGNING");

    // C: a draft in a currency without a configured rate
    draft(owner, body(owner, "SALES", "2000", "BRL"));

    // G: in review; the task is past due and the escalation timer fires
    JsonNode late = draft(owner, body(owner, "CONSULTING", "3000", "EUR"));
    submit(owner, late);
    String lateTask = taskOf("leo", late);
    tasks.setDueDate(lateTask, Date.from(clock.instant().minus(Duration.ofDays(2))));
    fireTimer(late, "Event_ReviewEscalated");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                tasks
                        .createTaskQuery()
                        .taskId(lateTask)
                        .taskCandidateGroup("contract-admin")
                        .count()
                    == 1);

    // E: the other's own draft; F: his draft shared with the owner
    JsonNode own = draft(other, body(other, "LEASE", "700", "EUR"));
    othersMarks.add(own.get("reference").asText());
    othersMarks.add(own.get("counterparty").get("name").asText());
    JsonNode shared = draft(other, contractBody(createCounterparty(other)));
    Api.Response share =
        api.as(other)
            .put(
                "/api/contracts/" + shared.get("id").asText() + "/shares",
                JSON.createObjectNode()
                    .put("principalType", "USER")
                    .put("principalId", owner)
                    .put("permission", "VIEW"));
    assertThat(share.status()).as(share.toString()).isBetween(200, 299);
    contracts.put("nda", nda);
    contracts.put("services", services);
    contracts.put("late", late);
    contracts.put("shared", shared);
  }

  @Test
  void thePortfolioCountsAndValuesWhatTheOwnerMayRead() {
    JsonNode report = report(owner, "portfolio", "");
    assertThat(report.get("scope").asText()).isEqualTo("readable");
    Map<String, JsonNode> rows = rows(report);
    assertThat(count(rows, "status", "ACTIVE")).isEqualTo(1);
    assertThat(count(rows, "status", "SIGNING")).isEqualTo(1);
    assertThat(count(rows, "status", "IN_REVIEW")).isEqualTo(1);
    assertThat(count(rows, "status", "DRAFT")).isEqualTo(2); // C and the shared F
    assertThat(count(rows, "type", "SERVICES")).isEqualTo(2);
    assertThat(count(rows, "owner", owner)).isEqualTo(4);
    assertThat(count(rows, "owner", other)).isEqualTo(1);
    assertThat(rows).doesNotContainKey("type|LEASE");

    BigDecimal usd = lifecycle.exchangeRates().get("USD");
    BigDecimal expected =
        new BigDecimal("1000")
            .multiply(usd)
            .add(new BigDecimal("5000"))
            .add(new BigDecimal("3000"))
            .add(new BigDecimal("12000.50"));
    BigDecimal total =
        rows.entrySet().stream()
            .filter(e -> e.getKey().startsWith("status|"))
            .map(e -> e.getValue().get(3).decimalValue())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(total).isEqualByComparingTo(expected);
    assertThat(rows.get("currency|BRL").get(4).asLong()).as("without a rate").isEqualTo(1);
    assertThat(rows.get("currency|BRL").get(5).decimalValue())
        .isEqualByComparingTo(new BigDecimal("2000"));
    assertThat(rows.get("currency|USD").get(3).decimalValue())
        .isEqualByComparingTo(new BigDecimal("1000").multiply(usd));
    assertThat(report.get("notes").toString()).contains("1 contract is", "(BRL)");
    assertThat(chart(report, "by-status").get("labels").size()).isEqualTo(4);
  }

  @Test
  void renewalsListTheActiveContractWithItsEndAndNoticeDeadline() {
    JsonNode report = report(owner, "renewals", "?days=90");
    JsonNode table = report.get("table").get("rows");
    assertThat(table).hasSize(1);
    JsonNode row = table.get(0);
    assertThat(row.get(0).asText()).isEqualTo(contracts.get("nda").get("reference").asText());
    assertThat(row.get(6).asInt()).as("ends in").isEqualTo(45);
    assertThat(row.get(8).asInt()).as("notice deadline in").isEqualTo(15);
    JsonNode chart = chart(report, "by-days");
    assertThat(chart.get("series").get(0).get("data").toString()).isEqualTo("[0,1,0]");
    assertThat(chart.get("series").get(1).get("data").toString()).isEqualTo("[1,0,0]");

    JsonNode soon = report(owner, "renewals", "?days=30");
    assertThat(soon.get("table").get("rows"))
        .as("the notice deadline is within 30 days")
        .hasSize(1);
    assertThat(report(owner, "renewals", "?days=10").get("table").get("rows")).isEmpty();
  }

  @Test
  void cycleTimesComeFromTheEngineHistory() {
    JsonNode report = report(owner, "cycle-times", "?months=1");
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : report.get("table").get("rows")) {
      rows.put(row.get(0).asText() + "|" + row.get(1).asText() + "|" + row.get(2).asText(""), row);
    }
    assertThat(rows.get("phase|Review|").get(3).asLong()).as("review rounds").isEqualTo(3);
    assertThat(rows.get("phase|Signing|").get(3).asLong()).as("signed").isEqualTo(1);
    assertThat(rows.get("review by group|legal-reviewer|").get(3).asLong()).isEqualTo(2);
    assertThat(rows.get("review by approver|leo|").get(3).asLong()).isEqualTo(2);
    JsonNode leo = rows.get("review by approver|leo|");
    assertThat(leo.get(5).asDouble()).isGreaterThanOrEqualTo(leo.get(4).asDouble());
    assertThat(chart(report, "phase-trend").get("labels")).hasSize(1);
  }

  @Test
  void approvalOutcomesCountRoundsAndReworkLoops() {
    JsonNode report = report(owner, "approval-outcomes", "?months=1");
    JsonNode total = null;
    Map<String, Long> loops = new HashMap<>();
    for (JsonNode row : report.get("table").get("rows")) {
      if (row.get(1).asText().equals("total")) {
        total = row;
      }
      if (row.get(0).asText().equals("rework loops")) {
        loops.put(row.get(1).asText(), row.get(5).asLong());
      }
    }
    assertThat(total).isNotNull();
    assertThat(total.get(2).asLong()).as("approved").isEqualTo(2);
    assertThat(total.get(3).asLong()).as("rejected").isZero();
    assertThat(total.get(4).asLong()).as("changes requested").isEqualTo(1);
    assertThat(loops).containsEntry("0", 1L).containsEntry("1", 1L).containsEntry("2", 0L);
  }

  @Test
  void overdueReviewsListTheEscalatedTask() {
    JsonNode report = report(owner, "overdue-reviews", "");
    JsonNode table = report.get("table").get("rows");
    assertThat(table).hasSize(1);
    JsonNode row = table.get(0);
    assertThat(row.get(0).asText()).isEqualTo(contracts.get("late").get("reference").asText());
    assertThat(row.get(3).asText()).isEqualTo("legal-reviewer");
    assertThat(row.get(7).asDouble()).isBetween(1.9, 2.1);
    assertThat(row.get(8).asBoolean()).as("escalated").isTrue();
    assertThat(report(other, "overdue-reviews", "").get("table").get("rows")).isEmpty();
  }

  @Test
  void signingTimesByProvider() {
    JsonNode rows = report(owner, "signing-times", "?months=1").get("table").get("rows");
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get(1).asLong()).as("sent").isEqualTo(2);
    assertThat(row.get(2).asLong()).as("completed").isEqualTo(1);
    assertThat(row.get(6).asLong()).as("open").isEqualTo(1);
    assertThat(row.get(7).isNumber()).as("p50 of the completed one").isTrue();
  }

  @Test
  void eachRequesterSeesOnlyWhatSheMayReadInEveryReportAndExport() {
    for (String name : REPORTS) {
      String ownersView = everyFormat(owner, name);
      String othersView = everyFormat(other, name);
      for (String mark : othersMarks) {
        assertThat(ownersView).as(owner + " → " + name).doesNotContain(mark);
      }
      for (String mark : ownersMarks) {
        assertThat(othersView).as(other + " → " + name).doesNotContain(mark);
      }
    }
    // the marks are there for those who may read them, so the checks above can fail
    String ownersPortfolio = everyFormat(owner, "portfolio");
    assertThat(ownersPortfolio)
        .contains(contracts.get("shared").get("counterparty").get("name").asText());
    ownersMarks.stream()
        .filter(m -> !m.startsWith("CF-"))
        .forEach(m -> assertThat(ownersPortfolio).contains(m));
    assertThat(everyFormat(other, "portfolio")).contains(othersMarks.get(1));
  }

  @Test
  void auditorsAndAdminsReadEverything() {
    for (String user : List.of("audrey", "admin")) {
      JsonNode report = report(user, "portfolio", "");
      assertThat(report.get("scope").asText()).isEqualTo("all");
      String all = report.toString();
      ownersMarks.stream()
          .filter(m -> !m.startsWith("CF-"))
          .forEach(m -> assertThat(all).contains(m));
      assertThat(all).contains(othersMarks.get(1));
      assertThat(report(user, "overdue-reviews", "").toString())
          .contains(contracts.get("late").get("reference").asText());
    }
  }

  @Test
  void strangersAreRefusedAndBadParametersAreProblems() {
    for (String name : REPORTS) {
      Api.Response anonymous = api.anonymous().get("/api/reports/" + name);
      assertThat(anonymous.status()).as(name).isEqualTo(401);
      for (String bad :
          List.of("?format=pdf", "?months=0", "?months=37", "?months=abc", "?days=x")) {
        if (bad.startsWith("?days") && !name.equals("renewals")
            || bad.startsWith("?months") && (name.equals("renewals") || name.equals("portfolio"))) {
          continue;
        }
        Api.Response response = api.as(owner).get("/api/reports/" + name + bad);
        assertThat(response.status()).as(name + bad + ": " + response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
      }
    }
    for (String bad : List.of("?days=0", "?days=366")) {
      Api.Response response = api.as(owner).get("/api/reports/renewals" + bad);
      assertThat(response.status()).as(bad).isEqualTo(400);
      assertThat(response.json().toString()).contains("days");
    }
  }

  @Test
  void theOpenApiDocumentDescribesEveryReportWithItsFormats() {
    JsonNode paths = api.as(owner).get("/v3/api-docs").json().get("paths");
    for (String name : REPORTS) {
      JsonNode get = paths.get("/api/reports/" + name).get("get");
      assertThat(get.get("summary").asText()).as(name).isNotBlank();
      assertThat(get.get("responses").get("200").get("content").has("text/csv")).as(name).isTrue();
      assertThat(get.get("responses").get("200").get("content").has(ReportExport.XLSX))
          .as(name)
          .isTrue();
      assertThat(get.get("responses").has("400")).as(name).isTrue();
    }
  }

  @Test
  void theWeeklyMailGoesToTheAdminsWithTheFigures() {
    String edition = "test-" + UUID.randomUUID();
    assertThat(weeklyMail.send(edition)).isGreaterThanOrEqualTo(1);
    String reference = contracts.get("late").get("reference").asText();
    MimeMessage mail =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    MailServer.shared().receivedBy("admin@contractflow.example").stream()
                        .filter(m -> subjectOf(m).contains("weekly report " + edition))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    String text = MailServer.part(mail, "text/plain");
    assertThat(text).contains("Portfolio by status", "ACTIVE", reference, "escalated");
  }

  // --- the data

  private void person(String id) {
    TestUsers.create(identity, id, "Report", id, "requester");
  }

  private ObjectNode body(String user, String type, String amount, String currency) {
    ObjectNode body = contractBody(createCounterparty(user));
    body.put("type", type);
    body.putObject("value").put("amount", new BigDecimal(amount)).put("currency", currency);
    return body;
  }

  private JsonNode draft(String user, ObjectNode body) {
    JsonNode created = createContract(user, body);
    String id = created.get("id").asText();
    Api.Response uploaded =
        api.as(user)
            .upload(
                "/api/contracts/" + id + "/documents",
                "contract.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    if (user.equals(owner)) {
      ownersMarks.add(created.get("reference").asText());
      ownersMarks.add(created.get("counterparty").get("name").asText());
    }
    return created;
  }

  private void submit(String user, JsonNode contract) {
    await()
        .atMost(PATIENCE)
        .until(() -> process(contract).get("phase").asText(), "Drafting"::equals);
    Api.Response submitted =
        api.as(user)
            .post(
                "/api/contracts/" + contract.get("id").asText() + "/submit",
                JSON.createObjectNode().put("nonStandardTerms", false).put("comment", "ready"));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
  }

  private JsonNode process(JsonNode contract) {
    Api.Response response =
        api.as("admin").get("/api/contracts/" + contract.get("id").asText() + "/process");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private void awaitStatus(JsonNode contract, String status) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> process(contract).get("status").asText(), status::equals);
  }

  private String taskOf(String user, JsonNode contract) {
    String id = contract.get("id").asText();
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                StreamSupport.stream(
                        api.as(user).get("/api/tasks?contractId=" + id).json().spliterator(), false)
                    .filter(t -> t.get("contractId").asText().equals(id))
                    .map(t -> t.get("id").asText())
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private void complete(String user, String taskId, String decision, String comment) {
    ObjectNode body = JSON.createObjectNode().put("decision", decision).put("comment", comment);
    Api.Response done = api.as(user).post("/api/tasks/" + taskId + "/complete", body);
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  private void signEverything(JsonNode contract) {
    JsonNode signing =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    api.as(owner).get("/api/contracts/" + contract.get("id").asText() + "/signing"),
                r -> r.status() == 200)
            .json();
    assertThat(new SignerMail(MailServer.shared(), api).signOpenTurns(signing))
        .isEqualTo(signing.get("signers").size());
  }

  private void fireTimer(JsonNode contract, String activityId) {
    String id = contract.get("id").asText();
    Job timer =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    management
                        .createJobQuery()
                        .timers()
                        .activityId(activityId)
                        .processInstanceId(
                            runtime
                                .createProcessInstanceQuery()
                                .processInstanceBusinessKey(id)
                                .processDefinitionKey("contract-review")
                                .singleResult()
                                .getId())
                        .singleResult(),
                job -> job != null);
    management.executeJob(timer.getId());
  }

  // --- reading reports

  private JsonNode report(String user, String name, String query) {
    Api.Response response = api.as(user).get("/api/reports/" + name + query);
    assertThat(response.status()).as(user + " → " + name + query + ": " + response).isEqualTo(200);
    return response.json();
  }

  /** The report as JSON, CSV and the cells of its XLSX, one after the other. */
  private String everyFormat(String user, String name) {
    StringBuilder all = new StringBuilder(report(user, name, "").toString());
    Api.BinaryResponse csv = api.as(user).download("/api/reports/" + name + "?format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment", name + "-");
    all.append('\n').append(new String(csv.body(), StandardCharsets.UTF_8));
    Api.BinaryResponse xlsx = api.as(user).download("/api/reports/" + name + "?format=xlsx");
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).isEqualTo(ReportExport.XLSX);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isNotBlank();
      for (Row row : sheet) {
        for (Cell cell : row) {
          all.append('\t').append(cell.toString());
        }
      }
    } catch (IOException e) {
      throw new AssertionError("not an XLSX workbook", e);
    }
    return all.toString();
  }

  private static Map<String, JsonNode> rows(JsonNode report) {
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : report.get("table").get("rows")) {
      rows.put(row.get(0).asText() + "|" + row.get(1).asText(), row);
    }
    return rows;
  }

  private static long count(Map<String, JsonNode> rows, String dimension, String key) {
    JsonNode row = rows.get(dimension + "|" + key);
    return row == null ? 0 : row.get(2).asLong();
  }

  private static JsonNode chart(JsonNode report, String id) {
    for (JsonNode chart : report.get("charts")) {
      if (chart.get("id").asText().equals(id)) {
        return chart;
      }
    }
    throw new AssertionError("no chart " + id + " in " + report);
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
