package io.contractflow.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.imports.ContractFiles;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Obligations over HTTP: added to a draft by its owner (others refused, bad schedules 400), started
 * when the contract is signed, an overdue delivery recorded by its owner through her task (met
 * late; an evidence version the contract does not have is refused with 400 and changes nothing), a
 * payment instalment waived by an admin only, her list of what is due, and the rest cancelled when
 * the contract is terminated; all in the contract's history.
 */
class ObligationsIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired private RuntimeService runtimeService;

  private String activeNdaWithObligations() {
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.put("type", "NDA").putObject("value").put("amount", 500).put("currency", "EUR");
    body.put("startDate", today().toString());
    body.put("endDate", today().plusYears(1).minusDays(1).toString());
    body.putObject("renewal").put("autoRenew", false);
    return createContract("rita", body).get("id").asText();
  }

  private ObjectNode delivery(LocalDate due) {
    ObjectNode body = JSON.createObjectNode();
    body.put("kind", "DELIVERY").put("title", "Quarterly report delivered");
    body.putObject("owner").put("type", "USER").put("id", "rita");
    body.put("owedBy", "COUNTERPARTY").put("schedule", "ONE_OFF").put("firstDue", due.toString());
    return body;
  }

  private ObjectNode payment(LocalDate first) {
    ObjectNode body = JSON.createObjectNode();
    body.put("kind", "PAYMENT").put("title", "Licence fee");
    body.putObject("owner").put("type", "GROUP").put("id", "finance-approver");
    body.put("owedBy", "COUNTERPARTY")
        .put("schedule", "QUARTERLY")
        .put("firstDue", first.toString());
    body.putObject("amount").put("amount", 2500).put("currency", "EUR");
    return body;
  }

  private JsonNode obligations(String user, String id) {
    Api.Response response = api.as(user).get("/api/contracts/" + id + "/obligations");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static List<String> statuses(JsonNode obligation) {
    List<String> statuses = new ArrayList<>();
    obligation.get("instalments").forEach(i -> statuses.add(i.get("status").asText()));
    return statuses;
  }

  private void sign(String id) {
    submitAndSign("rita", id);
  }

  private String openTask(String id, String name) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> {
              for (JsonNode task :
                  api.as("rita").get("/api/contracts/" + id + "/process").json().get("openTasks")) {
                if (task.get("name").asText().equals(name)) {
                  return task.get("id").asText();
                }
              }
              return null;
            },
            t -> t != null);
  }

  @Test
  void theRenewalDecisionShowsTheTermsObligationRecord() {
    // a term in its last weeks: the renewal decision is due as soon as it is active
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.put("type", "NDA").putObject("value").put("amount", 500).put("currency", "EUR");
    String id = createContract("rita", body).get("id").asText();
    ObjectNode waived = delivery(today().minusMonths(2));
    assertThat(api.as("rita").post("/api/contracts/" + id + "/obligations", waived).status())
        .isEqualTo(201);
    String obligationId = obligations("rita", id).get(0).get("id").asText();
    assertThat(
            api.as("admin")
                .post(
                    "/api/obligations/" + obligationId + "/instalments/1/waive",
                    Map.of("reason", "before signing"))
                .status())
        .isEqualTo(200);
    assertThat(
            api.as("rita")
                .post("/api/contracts/" + id + "/obligations", delivery(today().minusDays(3)))
                .status())
        .isEqualTo(201);
    sign(id);

    String decision = openTask(id, "Decide on renewal");
    String variables = api.as("rita").get("/api/tasks/" + decision + "/form/variables").body();
    assertThat(variables).contains("0 met on time, 0 late, 0 missed, 1 waived (1 still open)");
  }

  @Test
  void aQuarterlyPaymentWithoutALastDateGoesOnIntoTheRenewedTerm() {
    // the term ends in 45 days: its renewal decision is due at once
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.put("type", "NDA").putObject("value").put("amount", 500).put("currency", "EUR");
    String id = createContract("rita", body).get("id").asText();
    LocalDate end =
        LocalDate.parse(api.as("rita").get("/api/contracts/" + id).json().get("endDate").asText());
    ObjectNode following = payment(today().plusDays(10));
    ObjectNode bounded = payment(today().plusDays(10)).put("title", "Set-up fee");
    bounded.put("until", today().plusDays(40).toString());
    for (ObjectNode obligation : List.of(following, bounded)) {
      Api.Response added = api.as("rita").post("/api/contracts/" + id + "/obligations", obligation);
      assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }
    sign(id);

    String decision = openTask(id, "Decide on renewal");
    Api.Response renewed =
        api.as("rita")
            .post(
                "/api/tasks/" + decision + "/complete",
                Map.of("values", Map.of("renewalDecision", "RENEW", "comment", "good supplier")));
    assertThat(renewed.status()).as(renewed.toString()).isBetween(200, 299);
    LocalDate newEnd = end.plusMonths(12);
    await()
        .atMost(PATIENCE)
        .until(
            () -> api.as("rita").get("/api/contracts/" + id).json().get("endDate").asText(),
            e -> e.equals(newEnd.toString()));

    JsonNode licence = null;
    JsonNode setUp = null;
    for (JsonNode o : obligations("rita", id)) {
      if (o.get("title").asText().equals("Licence fee")) {
        licence = o;
      } else {
        setUp = o;
      }
    }
    List<String> dues = new ArrayList<>();
    licence.get("instalments").forEach(i -> dues.add(i.get("dueOn").asText()));
    List<String> expected = new ArrayList<>();
    for (LocalDate due = today().plusDays(10); !due.isAfter(newEnd); due = due.plusMonths(3)) {
      expected.add(due.toString());
    }
    assertThat(dues).as("on to the new end date, every quarter").isEqualTo(expected);
    assertThat(expected).hasSizeGreaterThan(4);
    assertThat(setUp.get("instalments")).as("a last date given: not extended").hasSize(1);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey("obligation")
                    .processInstanceBusinessKey(id)
                    .count(),
            n -> n == expected.size() + 1);
    assertThat(api.as("rita").get("/api/contracts/" + id + "/history").body())
        .contains("goes on into the renewed term");
  }

  @Test
  void obligationsRunFromSigningToTermination() {
    String id = activeNdaWithObligations();
    String c = "/api/contracts/" + id + "/obligations";

    // bad input is a 400 naming the field
    ObjectNode noAmount = payment(today());
    noAmount.remove("amount");
    Api.Response refused = api.as("rita").post(c, noAmount);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("amount");
    ObjectNode noDates = delivery(today()).put("schedule", "MILESTONE");
    assertThat(api.as("rita").post(c, noDates).status()).isEqualTo(400);
    assertThat(api.as("rita").post(c, JSON.createObjectNode().put("kind", "NOPE")).status())
        .isEqualTo(400);

    // who may add
    assertThat(api.as("ravi").post(c, delivery(today())).status()).isEqualTo(404);
    assertThat(api.as("audrey").post(c, delivery(today())).status()).isEqualTo(403);
    Api.Response added = api.as("rita").post(c, delivery(today().minusDays(5)));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    Api.Response schedule = api.as("rita").post(c, payment(today().plusDays(20)));
    assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
    String paymentId = schedule.json().get("id").asText();
    assertThat(statuses(schedule.json())).containsExactly("OPEN", "OPEN", "OPEN", "OPEN");
    assertThat(obligations("audrey", id)).hasSize(2);
    assertThat(api.as("ravi").get(c).status()).isEqualTo(404);

    // signed: every instalment starts its process
    submitAndSign("rita", id);
    await()
        .atMost(PATIENCE)
        .until(
            () -> api.as("rita").get("/api/contracts/" + id + "/process").json(),
            p ->
                p.get("status").asText().equals("ACTIVE")
                    && p.get("phase").asText().equals("Active term"));

    // the delivery was due five days ago: its owner has the task at once, and records it
    String taskId =
        await()
            .atMost(PATIENCE)
            .until(
                () -> {
                  for (JsonNode task :
                      api.as("rita")
                          .get("/api/contracts/" + id + "/process")
                          .json()
                          .get("openTasks")) {
                    if (task.get("name").asText().equals("Record fulfilment")) {
                      return task.get("id").asText();
                    }
                  }
                  return null;
                },
                t -> t != null);
    Api.Response form = api.as("rita").get("/api/tasks/" + taskId + "/form/variables");
    assertThat(form.body()).contains("Quarterly report delivered");
    assertThat(api.as("ravi").post("/api/tasks/" + taskId + "/complete", Map.of()).status())
        .isIn(403, 404);
    // evidence must be a version of the contract's documents: version 7 does not exist (only 1)
    for (int missing : List.of(7, 0)) {
      Api.Response noSuchVersion =
          api.as("rita")
              .post(
                  "/api/tasks/" + taskId + "/complete",
                  Map.of(
                      "values",
                      Map.of("fulfilment", "MET", "evidenceVersion", missing, "comment", "x")));
      assertThat(noSuchVersion.status()).as(noSuchVersion.toString()).isEqualTo(400);
      assertThat(noSuchVersion.contentType()).contains("application/problem+json");
      assertThat(noSuchVersion.body()).contains("values.evidenceVersion");
    }
    assertThat(
            api.as("rita")
                .post(
                    "/api/tasks/" + taskId + "/complete",
                    Map.of("values", Map.of("fulfilment", "MET", "evidenceVersion", 7)))
                .body())
        .contains("no document version 7");
    assertThat(statuses(obligations("rita", id).get(0))).containsExactly("OPEN");
    assertThat(openTask(id, "Record fulfilment")).isEqualTo(taskId);
    Api.Response completed =
        api.as("rita")
            .post(
                "/api/tasks/" + taskId + "/complete",
                Map.of(
                    "values",
                    Map.of("fulfilment", "MET", "evidenceVersion", 1, "comment", "received")));
    assertThat(completed.status()).as(completed.toString()).isBetween(200, 299);
    await()
        .atMost(PATIENCE)
        .until(() -> statuses(obligations("rita", id).get(0)), s -> s.equals(List.of("MET_LATE")));

    // what is due for rita (the contract's owner) within 120 days: the payment's first ones
    Api.Response mine = api.as("rita").get("/api/obligations?due=" + today().plusDays(120));
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().findValuesAsText("title")).contains("Licence fee");
    assertThat(api.as("ravi").get("/api/obligations?due=" + today().plusDays(120)).body())
        .doesNotContain(id);

    // only admins waive
    String waive = "/api/obligations/" + paymentId + "/instalments/1/waive";
    assertThat(api.as("ravi").post(waive, Map.of("reason", "x")).status()).isEqualTo(404);
    assertThat(api.as("rita").post(waive, Map.of("reason", "x")).status()).isEqualTo(403);
    assertThat(api.as("admin").post(waive, Map.of("reason", " ")).status()).isEqualTo(400);
    Api.Response waived = api.as("admin").post(waive, Map.of("reason", "goodwill for the outage"));
    assertThat(waived.status()).as(waived.toString()).isEqualTo(200);
    assertThat(waived.json().get("status").asText()).isEqualTo("WAIVED");
    assertThat(api.as("admin").post(waive, Map.of("reason", "again")).status()).isEqualTo(409);

    // terminated: what is open is cancelled
    assertThat(
            api.as("rita")
                .post("/api/contracts/" + id + "/terminate", Map.of("reason", "ended early"))
                .status())
        .isEqualTo(202);
    await()
        .atMost(PATIENCE)
        .until(
            () -> statuses(obligations("rita", id).get(1)),
            s -> s.equals(List.of("WAIVED", "CANCELLED", "CANCELLED", "CANCELLED")));

    // the report counts it for rita, not for ravi
    String counterparty =
        api.as("rita").get("/api/contracts/" + id).json().get("counterparty").get("name").asText();
    JsonNode report = api.as("rita").get("/api/reports/obligations").json();
    JsonNode row = null;
    for (JsonNode r : report.get("table").get("rows")) {
      if (r.get(0).asText().equals(counterparty)) {
        row = r;
      }
    }
    assertThat(row).as(report.toString()).isNotNull();
    assertThat(row.get(1).asText()).isEqualTo("COUNTERPARTY");
    assertThat(row.get(5).asInt()).as("met late").isEqualTo(1);
    assertThat(row.get(7).asInt()).as("waived").isEqualTo(1);
    assertThat(api.as("ravi").get("/api/reports/obligations").body()).doesNotContain(counterparty);
    assertThat(api.as("rita").download("/api/reports/obligations?format=csv").status())
        .isEqualTo(200);

    String history = api.as("rita").get("/api/contracts/" + id + "/history").body();
    assertThat(history)
        .contains("OBLIGATION_ADDED", "OBLIGATION_SETTLED", "Reminder", "goodwill for the outage")
        .contains("MET_LATE", "CANCELLED");
  }

  private String draftWithDocument(String... lines) {
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", 12000).put("currency", "EUR");
    body.put("startDate", today().toString());
    body.put("endDate", today().plusYears(1).minusDays(1).toString());
    body.putObject("renewal").put("autoRenew", false);
    String id = createContract("rita", body).get("id").asText();
    Api.Response uploaded =
        api.as("rita")
            .upload(
                "/api/contracts/" + id + "/documents",
                "terms.pdf",
                Corpus.PDF,
                ContractFiles.pdf(lines));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    return id;
  }

  @Test
  void thePaymentObligationIsCreatedFromTheDocumentsPaymentTermsOnce() {
    String quarterly =
        draftWithDocument(
            "Cleaning services agreement", "The Customer shall pay the fees quarterly in advance.");
    String route = "/api/contracts/" + quarterly + "/obligations/from-extracted-terms";

    // only its owner and admins: others who read it are refused, strangers do not see it
    assertThat(api.as("ravi").post(route, null).status()).isEqualTo(404);
    assertThat(api.as("audrey").post(route, null).status()).isEqualTo(403);
    assertThat(obligations("rita", quarterly)).isEmpty();

    Api.Response created = api.as("rita").post(route, null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode obligation = created.json();
    assertThat(obligation.get("title").asText()).isEqualTo("Payment terms: quarterly in advance");
    assertThat(obligation.get("kind").asText()).isEqualTo("PAYMENT");
    assertThat(obligation.get("owedBy").asText()).isEqualTo("COUNTERPARTY");
    assertThat(obligation.get("schedule").asText()).isEqualTo("QUARTERLY");
    assertThat(obligation.get("amount").decimalValue()).isEqualByComparingTo("3000");
    assertThat(obligation.get("instalments").findValuesAsText("dueOn"))
        .containsExactly(
            today().toString(),
            today().plusMonths(3).toString(),
            today().plusMonths(6).toString(),
            today().plusMonths(9).toString());

    // once: a second call adds nothing
    Api.Response again = api.as("rita").post(route, null);
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(obligations("rita", quarterly)).hasSize(1);
    assertThat(api.as("rita").get("/api/contracts/" + quarterly + "/history").body())
        .contains("OBLIGATION_ADDED", "Payment terms: quarterly in advance");

    // net terms: one payment of the value, that many days after the start
    String net =
        draftWithDocument(
            "Supply agreement", "Invoices are payable within 45 days of the invoice date.");
    Api.Response netCreated =
        api.as("rita").post("/api/contracts/" + net + "/obligations/from-extracted-terms", null);
    assertThat(netCreated.status()).as(netCreated.toString()).isEqualTo(201);
    assertThat(netCreated.json().get("schedule").asText()).isEqualTo("ONE_OFF");
    assertThat(netCreated.json().get("instalments").findValuesAsText("dueOn"))
        .containsExactly(today().plusDays(45).toString());
    assertThat(netCreated.json().get("amount").decimalValue()).isEqualByComparingTo("12000");

    // a document that states no payment terms: a problem, nothing added
    String none = draftWithDocument("Mutual confidentiality", "Nothing here is about money.");
    Api.Response refused =
        api.as("rita").post("/api/contracts/" + none + "/obligations/from-extracted-terms", null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(refused.body()).contains("no-payment-terms");
    assertThat(obligations("rita", none)).isEmpty();
  }
}
