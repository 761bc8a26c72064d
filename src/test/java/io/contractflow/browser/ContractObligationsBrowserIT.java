package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.imports.ContractFiles;
import io.contractflow.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Obligations section of the workspace's Contract page in headless Chromium: rita's active
 * contract (imported, its facts accepted) lists each instalment with who owes it, its due date and
 * how it went (met late, waived, overdue), links each open one to the task that records its
 * fulfilment (matched by instalment, so two due the same day keep their own links), and takes a new
 * obligation from its form. A screenshot goes to {@code workspace.screenshots} (target/screenshots;
 * {@code -Dworkspace.screenshots=docs/screenshots}).
 */
class ContractObligationsBrowserIT extends BrowserIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void theContractPageShowsItsObligationsAndTakesANewOne(TestInfo test) {
    LocalDate today = today();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String contract = activeContractOfRita("Cleaning services " + tag, today);
    String base = "/api/contracts/" + contract + "/obligations";

    // a delivery recorded late, one still overdue, a quarterly fee with its second instalment
    // waived
    String recorded = obligation(base, "DELIVERY", "Keys handed over", today.minusDays(6), null);
    String overdue =
        obligation(base, "REPORT", "Monthly cleaning report", today.minusDays(2), null);
    // another one due the same day: each link must lead to its own instalment's task
    String sameDay = obligation(base, "DELIVERY", "Window cleaning log", today.minusDays(2), null);
    JsonNode fee =
        api.as("rita")
            .post(base, body("PAYMENT", "Cleaning fee", today.plusDays(20), "QUARTERLY"))
            .json();
    String taskOfRecorded = fulfilmentTask(contract, "Keys handed over");
    Api.Response done =
        api.as("rita")
            .post(
                "/api/tasks/" + taskOfRecorded + "/complete",
                Map.of(
                    "values",
                    Map.of(
                        "fulfilment",
                        "MET",
                        "evidenceVersion",
                        1,
                        "comment",
                        "all keys returned")));
    assertThat(done.status()).as(done.toString()).isBetween(200, 299);
    Api.Response waived =
        api.as("admin")
            .post(
                "/api/obligations/" + fee.get("id").asText() + "/instalments/2/waive",
                Map.of("reason", "Paid in advance with the first"));
    assertThat(waived.status()).as(waived.toString()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .until(() -> api.as("rita").get(base).json().toString().contains("MET_LATE"));
    String openTask = fulfilmentTask(contract, "Monthly cleaning report");
    String sameDayTask = fulfilmentTask(contract, "Window cleaning log");
    assertThat(recorded).isNotEqualTo(overdue).isNotEqualTo(sameDay);
    assertThat(sameDayTask).isNotEqualTo(openTask);
    // the process API names the instalment each task is about
    JsonNode instalments = api.as("rita").get(base).json();
    Map<String, String> instalmentOfTask = new java.util.HashMap<>();
    api.as("rita")
        .get("/api/contracts/" + contract + "/process")
        .json()
        .get("openTasks")
        .forEach(t -> instalmentOfTask.put(t.get("id").asText(), t.path("instalmentId").asText()));
    assertThat(instalmentOfTask.get(openTask)).isEqualTo(firstInstalment(instalments, overdue));
    assertThat(instalmentOfTask.get(sameDayTask)).isEqualTo(firstInstalment(instalments, sameDay));

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          browser.get(api.baseUrl() + "/");
          wait.until(ExpectedConditions.urlContains("/signin"));
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
              .sendKeys("rita");
          browser.findElement(By.id("password")).sendKeys("rita");
          chromium.press(browser.findElement(By.cssSelector("button[type=submit]")));
          wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "rita"));
          browser.get(api.baseUrl() + "/#/contracts/" + contract);
          wait.until(
              ExpectedConditions.presenceOfElementLocated(By.cssSelector("#obligations table")));
          WebElement section = browser.findElement(By.id("obligations"));
          String text = section.getText();
          assertThat(text)
              .contains("Keys handed over")
              .contains("Met late")
              .contains("all keys returned")
              .contains("Monthly cleaning report")
              .contains("Overdue")
              .contains("Cleaning fee")
              .contains("1 of ")
              .contains("Waived")
              .contains("Due");
          List<WebElement> links = section.findElements(By.cssSelector("a.record-fulfilment"));
          assertThat(links).hasSize(2);
          assertThat(linkInRowOf(section, "Monthly cleaning report"))
              .isEqualTo("#/tasks/" + openTask);
          assertThat(linkInRowOf(section, "Window cleaning log"))
              .isEqualTo("#/tasks/" + sameDayTask);

          // rita adds a yearly report owed by us
          chromium.press(section.findElement(By.cssSelector("details.add-obligation summary")));
          chromium.type(browser.findElement(By.id("obligationTitle")), "Annual safety audit");
          browser.findElement(By.cssSelector("#obligationKind option[value=REPORT]")).click();
          browser.findElement(By.cssSelector("#obligationOwedBy option[value=US]")).click();
          browser.executeScript(
              "arguments[0].value = arguments[1];",
              browser.findElement(By.id("obligationDue")),
              today.plusDays(40).toString());
          chromium.press(browser.findElement(By.cssSelector("#obligation-form button")));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("obligations"), "Annual safety audit"));
          assertThat(api.as("rita").get(base).json().toString()).contains("Annual safety audit");

          browser.executeScript(
              "arguments[0].scrollIntoView({block: 'start'});",
              browser.findElement(By.id("obligations")));
          screenshot("contract-obligations");

          // the payment obligation from the document's payment terms: this one states none, which
          // the page says (the problem's detail), adding nothing
          chromium.press(
              browser.findElement(By.cssSelector("#obligations details.add-obligation summary")));
          chromium.press(browser.findElement(By.id("obligation-from-terms")));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("obligations"), "states no payment terms"));
          assertThat(api.as("rita").get(base).json()).hasSize(5);

          // the link opens the task that records the fulfilment
          chromium.press(
              browser
                  .findElement(
                      By.xpath(
                          "//section[@id='obligations']//tr[contains(., 'Monthly cleaning"
                              + " report')]"))
                  .findElement(By.cssSelector("a.record-fulfilment")));
          wait.until(ExpectedConditions.urlContains("#/tasks/" + openTask));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.tagName("main"), "Record fulfilment"));
        });
  }

  /** The href of the "Record fulfilment" link in the table row of the obligation titled so. */
  private static String linkInRowOf(WebElement section, String title) {
    return section
        .findElement(By.xpath(".//tr[contains(., '" + title + "')]"))
        .findElement(By.cssSelector("a.record-fulfilment"))
        .getDomAttribute("href");
  }

  /** The id of the first instalment of the obligation {@code obligationId}. */
  private static String firstInstalment(JsonNode obligations, String obligationId) {
    for (JsonNode o : obligations) {
      if (o.get("id").asText().equals(obligationId)) {
        return o.get("instalments").get(0).get("id").asText();
      }
    }
    throw new AssertionError("No obligation " + obligationId + " in " + obligations);
  }

  /**
   * An ACTIVE contract of rita's: imported by the admin with its facts in the CSV, which the admin
   * accepts as read.
   */
  private String activeContractOfRita(String title, LocalDate today) {
    var entries = ContractFiles.entries();
    entries.put("cleaning.pdf", ContractFiles.pdf(title, "Signed by both parties."));
    String csv =
        "file,title,type,counterparty,effectiveDate,endDate,autoRenewal,value,currency,owner\n"
            + "cleaning.pdf,"
            + title
            + ",SERVICES,Sparkle Facility Services,"
            + today.minusMonths(2)
            + ","
            + today.plusMonths(10)
            + ",no,4800,EUR,rita\n";
    Api.Response started =
        api.as("admin")
            .multipart(
                "/api/imports",
                List.of(
                    new Api.Part(
                        "archive", "cleaning.zip", "application/zip", ContractFiles.zip(entries)),
                    new Api.Part(
                        "facts", "facts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String importId = started.json().get("id").asText();
    JsonNode view =
        await()
            .atMost(PATIENCE)
            .until(
                () -> api.as("admin").get("/api/imports/" + importId).json(),
                v -> v.get("done").asInt() == 1);
    String contract = view.get("files").get(0).get("contractId").asText();
    assertThat(
            api.as("admin")
                .post("/api/imports/" + importId + "/accept-confident", null)
                .json()
                .get("accepted")
                .asInt())
        .isEqualTo(1);
    await()
        .atMost(PATIENCE)
        .until(
            () -> api.as("rita").get("/api/contracts/" + contract).json().get("status").asText(),
            "ACTIVE"::equals);
    return contract;
  }

  private String obligation(String base, String kind, String title, LocalDate due, String every) {
    Api.Response added = api.as("rita").post(base, body(kind, title, due, every));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    return added.json().get("id").asText();
  }

  private static ObjectNode body(String kind, String title, LocalDate due, String schedule) {
    ObjectNode body = JSON.createObjectNode();
    body.put("kind", kind).put("title", title);
    body.putObject("owner").put("type", "USER").put("id", "rita");
    body.put("owedBy", "COUNTERPARTY")
        .put("schedule", schedule == null ? "ONE_OFF" : schedule)
        .put("firstDue", due.toString());
    if ("PAYMENT".equals(kind)) {
      body.putObject("amount").put("amount", 1200).put("currency", "EUR");
    }
    return body;
  }

  /** The contract's open "Record fulfilment" task of the obligation titled {@code title}. */
  private String fulfilmentTask(String contract, String title) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (JsonNode task :
                  api.as("rita")
                      .get("/api/contracts/" + contract + "/process")
                      .json()
                      .get("openTasks")) {
                String id = task.get("id").asText();
                if (task.get("name").asText().equals("Record fulfilment")
                    && api.as("rita")
                        .get("/api/tasks/" + id + "/form/variables")
                        .body()
                        .contains(title)) {
                  return id;
                }
              }
              return null;
            },
            id -> id != null);
  }
}
