package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.TasklistBrowser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The workspace as the other roles use it, in a real browser (headless Chromium, as {@link
 * TasklistBrowser} starts it): a legal reviewer completes his review on its form rendered by
 * form-js; an auditor reads a contract's timeline and is offered no action (and the API refuses one
 * tried through her session); a requester never sees another requester's contract in the list, its
 * search, Home or an export, and keeps her own views of the list. Screenshots as {@link
 * WorkspaceBrowserIT} saves them.
 */
class WorkspaceRolesBrowserIT extends BrowserIntegrationTest {

  private static final String COMMENT = "Standard terms, approved in the workspace";

  @Test
  void aLegalReviewerApprovesOnTheWorkspacesForm(TestInfo test) {
    // below the finance threshold: legal review only, then signing
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", 5000).put("currency", "EUR");
    String contract = ContractsInReview.submit(api, "rita", body);
    String title = body.get("title").asText();
    String task = ContractsInReview.awaitTask(api, "leo", contract);

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          openTheWorkspaceAs("leo");
          chromium.press(browser.findElement(By.linkText("Tasks")));
          // the list is drawn once the tasks are in (and may be drawn again): open the review's row
          wait.until(
              b -> {
                WebElement link =
                    b.findElement(By.cssSelector("main a[href='#/tasks/" + task + "']"));
                if (!link.findElement(By.xpath("./ancestor::tr")).getText().contains(title)) {
                  return false;
                }
                screenshot("workspace-tasks");
                chromium.press(link);
                return true;
              });
          wait.until(ExpectedConditions.urlContains("#/tasks/" + task));

          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#task-form .fjs-form input[type='radio']")));
          if (!browser.findElements(By.id("claim-task")).isEmpty()) {
            chromium.press(browser.findElement(By.id("claim-task")));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.id("claim-task"), 0));
          }
          // the form may be drawn again after the claim: fill it until it holds the answers
          wait.until(
              b -> {
                WebElement approve = radio("Approve");
                WebElement comment =
                    b.findElements(By.cssSelector("#task-form .fjs-form textarea")).stream()
                        .filter(WebElement::isEnabled)
                        .findFirst()
                        .orElse(null);
                if (approve == null || comment == null) {
                  return false;
                }
                if (!approve.isSelected()) {
                  chromium.press(approve);
                }
                if (!COMMENT.equals(comment.getDomProperty("value"))) {
                  comment.clear();
                  comment.sendKeys(COMMENT);
                }
                return approve.isSelected() && COMMENT.equals(comment.getDomProperty("value"));
              });
          screenshot("workspace-task");
          chromium.press(browser.findElement(By.id("complete-task")));

          // the contract's page, on to signing (the lifecycle moves on in the background)
          wait.until(ExpectedConditions.urlContains("#/contracts/" + contract));
          wait.until(
              b -> {
                List<WebElement> badge = b.findElements(By.cssSelector("h1 .badge"));
                if (!badge.isEmpty() && badge.get(0).getText().equals("Signing")) {
                  return true;
                }
                b.navigate().refresh();
                return false;
              });
          waitForText("completed by leo");
          screenshot("workspace-contract-reviewed");
        });

    assertThat(ContractsInReview.process(api, "rita", contract).get("status").asText())
        .isEqualTo("SIGNING");
    assertThat(ContractsInReview.openTask(api, "leo", contract))
        .as("the review task is done")
        .isEmpty();
    JsonNode history = api.as("rita").get("/api/contracts/" + contract + "/history").json();
    assertThat(history.toString()).contains("completed by leo: APPROVE").contains(COMMENT);
  }

  @Test
  void anAuditorReadsTheTimelineAndCannotAct(TestInfo test) {
    // a draft with its document: a requester would be offered submit, edit, cancel, upload
    ObjectNode body = contractBody(createCounterparty("rita"));
    String contract = createContract("rita", body).get("id").asText();
    String title = body.get("title").asText();

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          openTheWorkspaceAs("audrey");
          browser.get(api.baseUrl() + "/#/contracts/" + contract);
          wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
          WebElement integrity =
              wait.until(
                  ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.integrity")));
          assertThat(integrity.getText()).contains("Audit trail intact");
          assertThat(integrity.getDomAttribute("class")).contains("ok");
          assertThat(browser.findElements(By.cssSelector("ol.timeline li"))).isNotEmpty();
          assertThat(browser.findElement(By.id("read-only")).getText())
              .contains("cannot change it");
          // no action is offered: no button or form that would change the contract
          assertThat(browser.findElements(By.id("submit-draft"))).isEmpty();
          assertThat(browser.findElements(By.id("edit"))).isEmpty();
          assertThat(browser.findElements(By.cssSelector("button.danger"))).isEmpty();
          assertThat(browser.findElements(By.id("reason"))).isEmpty();
          assertThat(browser.findElements(By.cssSelector("form.upload, #file"))).isEmpty();
          assertThat(browser.findElements(By.cssSelector("main button")))
              .as("buttons on an auditor's contract page")
              .allSatisfy(
                  b ->
                      assertThat(b.getText())
                          .doesNotContainIgnoringCase("submit")
                          .doesNotContainIgnoringCase("cancel")
                          .doesNotContainIgnoringCase("terminate")
                          .doesNotContainIgnoringCase("upload")
                          .doesNotContainIgnoringCase("edit"));
          browser.executeScript(
              "arguments[0].scrollIntoView({block: 'center'});",
              browser.findElement(By.id("timeline-h")));
          screenshot("workspace-contract-auditor");

          // the API refuses her a change tried through her session, CSRF token and all
          @SuppressWarnings("unchecked")
          Map<String, Object> refused =
              (Map<String, Object>)
                  browser.executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + "const token = decodeURIComponent((document.cookie.match("
                          + "/(?:^|;\\s*)CF-XSRF-TOKEN=([^;]*)/) || [])[1] || '');"
                          + "fetch('/api/contracts/' + arguments[0] + '/submit', {method: 'POST',"
                          + " credentials: 'same-origin', headers: {'Content-Type':"
                          + " 'application/json', 'Accept': 'application/json',"
                          + " 'X-Requested-With': 'XMLHttpRequest', 'X-CF-XSRF-TOKEN': token},"
                          + " body: JSON.stringify({nonStandardTerms: false})})"
                          + ".then(async r => done({status: r.status, body: await r.text()}))"
                          + ".catch(e => done({status: -1, body: String(e)}));",
                      contract);
          assertThat(((Number) refused.get("status")).intValue())
              .as(String.valueOf(refused.get("body")))
              .isEqualTo(403);
          assertThat(String.valueOf(refused.get("body")))
              .as("refused as an auditor, not for a missing CSRF token")
              .doesNotContain("urn:contractflow:problem:csrf");
        });

    assertThat(api.as("rita").get("/api/contracts/" + contract).json().get("status").asText())
        .isEqualTo("DRAFT");
  }

  @Test
  void aRequesterNeverSeesAnothersContractAndKeepsHerViews(TestInfo test) {
    String word = unique("Zebra").replace(" ", "");
    ObjectNode hers = contractBody(createCounterparty("rita"));
    hers.put("title", word + " cleaning of rita");
    ObjectNode his = contractBody(createCounterparty("ravi"));
    his.put("title", word + " catering of ravi");
    createContract("rita", hers);
    String ravis = createContract("ravi", his).get("id").asText();
    String herTitle = hers.get("title").asText();
    String hisTitle = his.get("title").asText();
    // the same search finds ravi's contract for ravi: what rita misses is hidden, not absent
    assertThat(api.as("ravi").get("/api/contracts?q=" + word).body()).contains(hisTitle);
    // the list is the full-text search: both have reached the index (it follows within seconds)
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.as("audrey")
                    .get("/api/search/contracts?q=" + word)
                    .json()
                    .get("total")
                    .asLong(),
            total -> total == 2);

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          openTheWorkspaceAs("rita");
          waitForText("Drafts to finish");
          waitForText(herTitle);
          assertThat(browser.findElement(By.tagName("main")).getText())
              .doesNotContain(hisTitle)
              .doesNotContain(ravis);

          // the list and its search
          browser.get(api.baseUrl() + "/#/contracts?sort=updatedAt,desc");
          waitForText(herTitle);
          assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(hisTitle);
          WebElement search = browser.findElement(By.id("q"));
          search.clear();
          search.sendKeys(word);
          chromium.press(browser.findElement(By.cssSelector("form[role=search] button.primary")));
          wait.until(ExpectedConditions.urlContains("q=" + word));
          waitForText(herTitle);
          assertThat(browser.findElements(By.cssSelector("table.contracts tbody tr"))).hasSize(1);
          assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(hisTitle);

          // the view's export links carry its filters and sort; the export holds hers only
          String csv = browser.findElement(By.id("export-csv")).getDomAttribute("href");
          assertThat(csv).startsWith("/api/search/contracts?").contains("q=" + word, "format=csv");
          // the facets count what she may read: one draft
          assertThat(browser.findElement(By.cssSelector("aside.facets")).getText())
              .contains("Draft 1");
          assertThat(browser.findElement(By.id("export-xlsx")).getDomAttribute("href"))
              .contains("q=" + word, "format=xlsx");
          // as a plain link would fetch them, with the session's cookie only
          Map<String, Object> export = fetchInPage("/api/contracts?format=csv");
          assertThat(((Number) export.get("status")).intValue()).isEqualTo(200);
          assertThat(String.valueOf(export.get("type"))).startsWith("text/csv");
          assertThat(String.valueOf(export.get("body")))
              .contains(herTitle)
              .doesNotContain(hisTitle);
          Map<String, Object> searched = fetchInPage(csv);
          assertThat(String.valueOf(searched.get("type"))).startsWith("text/csv");
          assertThat(String.valueOf(searched.get("rows"))).isEqualTo("1");
          assertThat(String.valueOf(searched.get("body")))
              .contains(herTitle)
              .doesNotContain(hisTitle);
          Map<String, Object> xlsx =
              fetchInPage(browser.findElement(By.id("export-xlsx")).getDomAttribute("href"));
          assertThat(((Number) xlsx.get("status")).intValue()).isEqualTo(200);
          assertThat(String.valueOf(xlsx.get("rows"))).isEqualTo("1");
          assertThat(String.valueOf(xlsx.get("disposition"))).contains("attachment", ".xlsx");

          // her saved view: save the search, leave it, apply it again, delete it
          String viewName = "Zebras " + word.substring(word.length() - 4);
          browser.findElement(By.id("view-name")).sendKeys(viewName);
          chromium.press(browser.findElement(By.id("save-view")));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(By.id("saved-view"), viewName));
          screenshot("workspace-contracts-views");
          browser.get(api.baseUrl() + "/#/contracts");
          // the whole list (its search empty), then choose the view and apply it
          wait.until(
              b -> {
                if (!b.findElement(By.id("q")).getDomProperty("value").isEmpty()
                    || !b.findElement(By.id("saved-view")).getText().contains(viewName)) {
                  return false;
                }
                new Select(b.findElement(By.id("saved-view"))).selectByVisibleText(viewName);
                chromium.press(b.findElement(By.id("apply-view")));
                return true;
              });
          wait.until(ExpectedConditions.urlContains("q=" + word));
          // the page drawn from the view: its search, its rows, the view shown as chosen
          wait.until(b -> word.equals(b.findElement(By.id("q")).getDomProperty("value")));
          wait.until(
              b ->
                  new Select(b.findElement(By.id("saved-view")))
                      .getFirstSelectedOption()
                      .getText()
                      .equals(viewName));
          assertThat(browser.findElements(By.cssSelector("table.contracts tbody tr"))).hasSize(1);
          chromium.press(browser.findElement(By.id("delete-view")));
          wait.until(ExpectedConditions.alertIsPresent()).accept();
          wait.until(
              ExpectedConditions.not(
                  ExpectedConditions.textToBePresentInElementLocated(
                      By.id("saved-view"), viewName)));
        });

    // nobody else sees her views; hers is gone
    assertThat(api.as("ravi").get("/api/saved-views?list=contracts").body()).doesNotContain(word);
    assertThat(api.as("rita").get("/api/saved-views?list=contracts").body()).doesNotContain(word);
  }

  /**
   * A GET through the signed-in page's session, as a link would make it (no header of the
   * workspace's scripts): its status, content type, disposition, the rows an export says it holds
   * and the body as text.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> fetchInPage(String path) {
    return (Map<String, Object>)
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(async r => done({status: r.status, type: r.headers.get('Content-Type'),"
                + " disposition: r.headers.get('Content-Disposition'),"
                + " rows: r.headers.get('X-Export-Rows'), body: await r.text()}))"
                + ".catch(e => done({status: -1, body: String(e)}));",
            path);
  }

  @Test
  void aRequesterAddsAndCorrectsACounterpartyAndAnAuditorOnlyReadsTheDirectory(TestInfo test) {
    String name = "Northwind " + java.util.UUID.randomUUID().toString().substring(0, 8);

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          openTheWorkspaceAs("rita");
          chromium.press(browser.findElement(By.linkText("Counterparties")));
          wait.until(visible(By.id("add-name"))).sendKeys(name);
          browser.findElement(By.id("add-email")).sendKeys("legal@northwind.example");
          chromium.press(browser.findElement(By.cssSelector("#add button[type=submit]")));
          wait.until(
              b ->
                  api.as("rita")
                          .get("/api/counterparties?name=" + encode(name))
                          .json()
                          .path("content")
                          .size()
                      == 1);

          browser.get(api.baseUrl() + "/#/counterparties?name=" + encode(name));
          WebElement row =
              wait.until(
                  b ->
                      b.findElements(By.cssSelector("main tbody tr")).stream()
                          .filter(r -> r.getText().contains(name))
                          .findFirst()
                          .orElse(null));
          chromium.press(row.findElement(By.xpath(".//button[normalize-space()='Edit']")));
          WebElement contact =
              wait.until(
                  visible(By.cssSelector("main form[id^='edit-'] input[name='contactName']")));
          contact.sendKeys("Nora North");
          chromium.press(
              browser.findElement(By.cssSelector("main form[id^='edit-'] button[type=submit]")));
          wait.until(
              b ->
                  "Nora North"
                      .equals(
                          api.as("rita")
                              .get("/api/counterparties?name=" + encode(name))
                              .json()
                              .path("content")
                              .path(0)
                              .path("contactName")
                              .asText()));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Nora North"));
          screenshot("workspace-counterparties");

          browser.manage().deleteAllCookies();
          openTheWorkspaceAs("audrey");
          browser.get(api.baseUrl() + "/#/counterparties?name=" + encode(name));
          wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), name));
          assertThat(browser.findElements(By.id("add"))).as("no add form for an auditor").isEmpty();
          assertThat(browser.findElements(By.xpath("//main//button[normalize-space()='Edit']")))
              .as("no edit for an auditor")
              .isEmpty();
        });
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The form-js radio button labelled so, once it may be chosen. */
  private WebElement radio(String label) {
    for (WebElement option :
        browser.findElements(By.cssSelector("#task-form .fjs-form input[type='radio']"))) {
      String id = option.getDomAttribute("id");
      List<WebElement> labels = browser.findElements(By.cssSelector("label[for='" + id + "']"));
      if (!labels.isEmpty() && labels.get(0).getText().trim().equals(label) && option.isEnabled()) {
        return option;
      }
    }
    return null;
  }
}
