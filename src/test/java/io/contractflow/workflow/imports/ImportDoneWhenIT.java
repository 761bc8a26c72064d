package io.contractflow.workflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.extraction.FactField;
import io.contractflow.imports.ImportFolder;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.workflow.term.TermVariables;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19's done-when, over HTTP: a ZIP of the 40 labelled contracts (text PDFs, scanned PDFs
 * without a text layer, DOCX; fixed terms that ended before today, fixed terms still running,
 * open-ended ones; eight with a CSV row; one file twice) is imported. Every contract is created
 * exactly once, also when the same ZIP comes again; the scans are found by a word only their
 * scanned text holds; each verify task shows the facts read from its file (or its CSV row) with the
 * passage they came from; once verified, the ended contracts are EXPIRED and the running ones
 * ACTIVE with their term's timer planned from their dates. Dates are relative to the platform's
 * clock ({@link ImportFolder}).
 */
class ImportDoneWhenIT extends IntegrationTest {

  private static final String CONFIRMED = "Confirmed";

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  @Test
  void aFolderOfFortyVariedContractsJoinsTheLifecycleOnce() {
    LocalDate today = today();
    ImportFolder folder = ImportFolder.of(today, UUID.randomUUID().getMostSignificantBits());
    List<ImportFolder.File> files = folder.files();
    assertThat(files).hasSizeGreaterThanOrEqualTo(30);
    assertThat(files).extracting(ImportFolder.File::format).contains(ImportFolder.Format.values());
    assertThat(files).filteredOn(f -> f.ended(today)).hasSizeGreaterThanOrEqualTo(8);
    ImportFolder.File copied = files.get(3);
    byte[] zip = folder.zip(List.of(copied));

    double extractedBefore = extractions();
    Api.Response started = upload(zip, folder.csv());
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    assertThat(started.json().get("total").asInt()).isEqualTo(files.size() + 1);
    JsonNode done = awaitDone(started.json().get("id").asText());

    // every file became one draft waiting for its verification; the copy is the same contract
    Map<String, JsonNode> byName = byName(done);
    Map<String, String> contractOf = new HashMap<>();
    for (ImportFolder.File file : files) {
      JsonNode row = byName.get(file.path());
      assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("AWAITING_VERIFICATION");
      contractOf.put(file.path(), row.get("contractId").asText());
    }
    JsonNode copy = byName.get("copies/" + copied.path().replace('/', '-'));
    assertThat(copy.get("status").asText()).isEqualTo("DUPLICATE");
    assertThat(copy.get("contractId").asText()).isEqualTo(contractOf.get(copied.path()));
    // each file's text was extracted once (OCR included): for its facts, kept for its version
    assertThat(extractions() - extractedBefore).as("text extractions").isEqualTo(files.size());
    Set<String> contracts = new HashSet<>(contractOf.values());
    assertThat(contracts).hasSize(files.size());
    assertThat(countContracts(contracts)).isEqualTo(files.size());

    // the scans are found by the words OCR read from them (the made word is in no title)
    for (ImportFolder.File scan : ofFormat(files, ImportFolder.Format.SCANNED_PDF)) {
      JsonNode found;
      try {
        found =
            await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(
                    () -> api.as("admin").get("/api/search/contracts?q=" + scan.reference()).json(),
                    result -> result.path("hits").size() > 0);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        // say where the change stands: still in the search outbox (and why), or indexed unfound
        throw new AssertionError(
            scan.path()
                + " not found by '"
                + scan.reference()
                + "'; search outbox: "
                + jdbc.queryForList(
                    "select attempts, next_attempt_at, failed_at, last_error from"
                        + " contractflow.outbox where topic = 'search' and payload = ?",
                    contractOf.get(scan.path()))
                + "; due search entries: "
                + jdbc.queryForObject(
                    "select count(*) from contractflow.outbox where topic = 'search'"
                        + " and done_at is null and failed_at is null",
                    Long.class),
            e);
      }
      assertThat(found.get("hits"))
          .as(scan.path() + " by '" + scan.reference() + "'")
          .extracting(hit -> hit.get("id").asText())
          .containsExactly(contractOf.get(scan.path()));
    }

    // each verify task shows the facts read from the file, where they were read, and confidence;
    // its owner confirms them (correcting what the reading missed, as a person would)
    List<String> missed = new ArrayList<>();
    for (ImportFolder.File file : files) {
      String owner = owner(file);
      String contract = contractOf.get(file.path());
      String task = verifyTask(owner, contract);
      JsonNode form = api.as(owner).get("/api/tasks/" + task + "/form/variables").json();
      checkFacts(file, form, missed);
      Api.Response completed =
          api.as(owner).post("/api/tasks/" + task + "/complete", confirmation(file, form));
      assertThat(completed.status()).as(file.path() + ": " + completed).isEqualTo(204);
    }
    // the typed files' facts are all read; a scan's OCR may cost a fact, not more than a few
    assertThat(missed).as("facts not read as labelled").hasSizeLessThanOrEqualTo(4);

    // ended ones are EXPIRED; running ones ACTIVE with their term's timer planned from their dates
    for (ImportFolder.File file : files) {
      String contract = contractOf.get(file.path());
      boolean ended = file.ended(today);
      JsonNode joined = awaitStatus(owner(file), contract, ended ? "EXPIRED" : "ACTIVE");
      assertThat(joined.path("endDate").isNull() ? null : joined.get("endDate").asText())
          .as(file.path())
          .isEqualTo(file.endDate() == null ? null : file.endDate().toString());
      if (!ended && file.endDate() != null) {
        checkTermTimer(file, contract);
      }
    }

    // the same folder again: every file a duplicate of its contract, no contract more
    int before = countAllContracts();
    Api.Response again = upload(zip, folder.csv());
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    Map<String, JsonNode> second = byName(awaitDone(again.json().get("id").asText()));
    for (ImportFolder.File file : files) {
      assertThat(second.get(file.path()).get("status").asText()).isEqualTo("DUPLICATE");
      assertThat(second.get(file.path()).get("contractId").asText())
          .isEqualTo(contractOf.get(file.path()));
    }
    assertThat(countAllContracts()).isEqualTo(before);
    assertThat(extractions() - extractedBefore).isEqualTo(files.size());
  }

  private double extractions() {
    return meters.find("contractflow.documents.text.extractions").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private void checkFacts(ImportFolder.File file, JsonNode form, List<String> missed) {
    if (file.csvRow() != null) {
      assertThat(form.get("importedTitle").asText()).isEqualTo(file.csvRow().title());
      assertThat(form.get("importedTitleFound").asText()).contains("CSV row");
    }
    Map<String, FactField> checked =
        Map.of(
            "importedStartDate", FactField.EFFECTIVE_DATE,
            "importedEndDate", FactField.END_DATE,
            "importedCurrency", FactField.CURRENCY);
    checked.forEach(
        (variable, field) -> {
          String label = file.labels().get(field);
          if (label == null) {
            return;
          }
          String shown = form.path(variable).asText();
          String found = form.path(variable + "Found").asText();
          if (!label.equals(shown)) {
            missed.add(file.path() + " " + variable + ": " + shown + " (" + found + ")");
            return;
          }
          assertThat(found)
              .as(file.path() + " " + variable)
              .doesNotContain("Not found")
              .contains("confidence");
          if (file.format() != ImportFolder.Format.SCANNED_PDF) {
            assertThat(file.csvRow() != null || found.length() > 20)
                .as(file.path() + " " + variable + " passage " + found)
                .isTrue();
          }
        });
    String value = file.labels().get(FactField.VALUE);
    if (value != null && file.format() != ImportFolder.Format.SCANNED_PDF) {
      assertThat(new java.math.BigDecimal(form.path("importedValue").asText("0")))
          .as(file.path() + " value")
          .isEqualByComparingTo(value);
    }
    if (file.format() != ImportFolder.Format.SCANNED_PDF) {
      assertThat(missed)
          .as("typed files read as labelled")
          .noneMatch(m -> m.startsWith(file.path()));
    }
  }

  /**
   * The form as confirmed: every value as shown, the dates as the contract states them where the
   * reading missed them, every box ticked.
   */
  private ObjectNode confirmation(ImportFolder.File file, JsonNode form) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode values = body.putObject("values");
    form.fields()
        .forEachRemaining(
            e -> {
              String name = e.getKey();
              if (name.startsWith("imported") && !name.endsWith("Found")) {
                values.set(name, e.getValue());
              }
              if (name.endsWith(CONFIRMED)) {
                values.put(name, true);
              }
            });
    String start = file.labels().get(FactField.EFFECTIVE_DATE);
    if (start != null) {
      values.put("importedStartDate", start);
    }
    values.put("importedEndDate", file.endDate() == null ? "" : file.endDate().toString());
    return body;
  }

  private void checkTermTimer(ImportFolder.File file, String contract) {
    ProcessInstance term =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () ->
                    runtime
                        .createProcessInstanceQuery()
                        .processDefinitionKey("contract-term")
                        .processInstanceBusinessKey(contract)
                        .singleResult(),
                p -> p != null && !timers(p).isEmpty());
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("contract-lifecycle")
                .processInstanceBusinessKey(contract)
                .count())
        .isEqualTo(1);
    Map<String, Object> variables = runtime.getVariables(term.getId());
    assertThat(variables.get(TermVariables.TERM_ENDS_ON))
        .as(file.path())
        .isEqualTo(file.endDate().toString());
    List<Job> timers = timers(term);
    assertThat(timers).as(file.path()).hasSize(1);
    Job timer = timers.get(0);
    String activity =
        management
            .createJobDefinitionQuery()
            .jobDefinitionId(timer.getJobDefinitionId())
            .singleResult()
            .getActivityId();
    if (Boolean.TRUE.equals(variables.get(TermVariables.RENEWABLE))) {
      // the renewal decision is asked before the notice deadline; the end follows it
      assertThat(activity).as(file.path()).isEqualTo("Event_RenewalDecisionDue");
      assertThat(timer.getDuedate()).isEqualTo(variables.get(TermVariables.RENEWAL_DECISION_AT));
      assertThat(timer.getDuedate()).isBefore((Date) variables.get(TermVariables.ENDS_AT));
      assertThat(timer.getDuedate()).isAfter(Date.from(clock.instant()));
    } else {
      assertThat(activity).as(file.path()).isEqualTo("Event_TermEnds");
      assertThat(timer.getDuedate()).isEqualTo(variables.get(TermVariables.ENDS_AT));
    }
    LocalDate endsAt =
        LocalDate.ofInstant(
            ((Date) variables.get(TermVariables.ENDS_AT)).toInstant(), ZoneOffset.UTC);
    assertThat(endsAt).as(file.path()).isBetween(file.endDate(), file.endDate().plusDays(1));
  }

  private List<Job> timers(ProcessInstance term) {
    return management.createJobQuery().processInstanceId(term.getId()).timers().list();
  }

  private Api.Response upload(byte[] zip, byte[] csv) {
    return api.as("admin")
        .multipart(
            "/api/imports",
            List.of(
                new Api.Part("archive", "signed-contracts.zip", "application/zip", zip),
                new Api.Part("facts", "facts.csv", "text/csv", csv)));
  }

  private JsonNode awaitDone(String importId) {
    return await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> api.as("admin").get("/api/imports/" + importId).json(),
            view -> view.get("done").asInt() == view.get("total").asInt());
  }

  private JsonNode awaitStatus(String user, String contractId, String status) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> api.as(user).get("/api/contracts/" + contractId).json(),
            c -> status.equals(c.get("status").asText()));
  }

  private String verifyTask(String user, String contractId) {
    JsonNode process = api.as(user).get("/api/contracts/" + contractId + "/process").json();
    return StreamSupport.stream(process.get("openTasks").spliterator(), false)
        .filter(t -> "verify-imported-contract".equals(t.path("role").asText()))
        .map(t -> t.get("id").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no verify task: " + process));
  }

  private static String owner(ImportFolder.File file) {
    return file.csvRow() != null && file.csvRow().owner() != null ? file.csvRow().owner() : "admin";
  }

  private static Map<String, JsonNode> byName(JsonNode view) {
    Map<String, JsonNode> files = new HashMap<>();
    view.get("files").forEach(f -> files.put(f.get("fileName").asText(), f));
    return files;
  }

  private static List<ImportFolder.File> ofFormat(
      List<ImportFolder.File> files, ImportFolder.Format format) {
    return files.stream().filter(f -> f.format() == format).toList();
  }

  private int countContracts(Set<String> ids) {
    return jdbc.queryForObject(
        "select count(*) from contractflow.contract where id = any (?)",
        Integer.class,
        (Object) ids.stream().map(UUID::fromString).toArray(UUID[]::new));
  }

  private int countAllContracts() {
    return jdbc.queryForObject("select count(*) from contractflow.contract", Integer.class);
  }
}
