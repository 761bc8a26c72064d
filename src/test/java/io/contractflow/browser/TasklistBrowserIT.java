package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.TasklistBrowser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Tasklist as a reviewer uses it, in a real browser: headless Chromium (Debian's {@code chromium}
 * and {@code chromedriver}, which {@code .ci/run} installs) driven by Selenium against the running
 * platform. A legal reviewer signs in, opens the "Legal review" filter, opens the review of a
 * contract submitted over the API, claims it, approves it on its Camunda Form, and the contract
 * moves on. Skipped, not passed, where the browser is missing; on failure a screenshot and the page
 * are saved under {@code target/browser/} ({@link TasklistBrowser}).
 */
class TasklistBrowserIT extends BrowserIntegrationTest {

  private static final Duration PATIENCE = TasklistBrowser.PATIENCE;
  private static final String COMMENT = "Standard terms, approved in Tasklist";

  @Test
  void aLegalReviewerApprovesAContractInTasklist(TestInfo test) {
    // below the finance threshold: legal review only, then signing
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", 5000).put("currency", "EUR");
    String contract = ContractsInReview.submit(api, "rita", body);
    String title = body.get("title").asText();
    String task = ContractsInReview.awaitTask(api, "leo", contract);

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          signInToTasklist("leo");
          assertThat(chromium.filterNames())
              .contains("My tasks", "My groups' tasks", "Overdue", "Legal review")
              .doesNotContain("Finance approval", "Escalated reviews", "All tasks");

          theProductIsNamedAndTheEndOfLifeNoticeIsNotShown();

          chromium.openFilter("Legal review");
          chromium.openTask(title);
          wait.until(ExpectedConditions.urlContains("task=" + task));
          theTaskLinksToItsContractsPage(title, contract);

          chromium.press(
              wait.until(
                  ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.claim"))));
          wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("button.claim"), 0));
          // the form becomes editable once claimed (and is drawn again then): fill it until it
          // holds the answers
          wait.until(
              b -> {
                WebElement approve = enabledRadio("Approve");
                WebElement comment =
                    b.findElements(By.cssSelector(".fjs-form textarea")).stream()
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
                  chromium.type(comment, COMMENT);
                }
                return approve.isSelected() && COMMENT.equals(comment.getDomProperty("value"));
              });
          chromium.press(wait.until(b -> completeButtonOnceEnabled()));
          // Tasklist confirms and clears the task from view
          wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("task=" + task)));
        });

    // approved, and on to signing
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> ContractsInReview.process(api, "rita", contract).get("status").asText(),
            "SIGNING"::equals);
    assertThat(ContractsInReview.openTask(api, "leo", contract))
        .as("the review task is done")
        .isEmpty();
    JsonNode history = api.as("rita").get("/api/contracts/" + contract + "/history").json();
    assertThat(history.toString()).contains("completed by leo: APPROVE").contains(COMMENT);
  }

  /**
   * Tasklist names the product (config.js), and Camunda's end-of-life notice, which the header
   * carries, is not shown to reviewers (user-styles.css).
   */
  private void theProductIsNamedAndTheEndOfLifeNoticeIsNotShown() {
    wait.until(ExpectedConditions.titleIs("ContractFlow Tasklist"));
    assertThat(browser.findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText())
        .isEqualTo("ContractFlow Tasklist");
    List<WebElement> notice = browser.findElements(By.cssSelector(".ce-eol-banner"));
    assertThat(notice).as("the header still carries the notice").isNotEmpty();
    assertThat(notice).noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.tagName("body")).getText())
        .doesNotContainIgnoringCase("Camunda 8");
  }

  /**
   * The task's card and its "Contract" tab link to the contract's page in the workspace; a
   * screenshot of Tasklist with the open task is kept under {@code target/browser/}.
   */
  private void theTaskLinksToItsContractsPage(String title, String contract) {
    String page = "/contracts/" + contract;
    WebElement onCard =
        wait.until(
            b -> {
              WebElement card = chromium.taskCard(title);
              return card == null
                  ? null
                  : card.findElements(By.cssSelector("a.contractflow-contract-page")).stream()
                      .findFirst()
                      .orElse(null);
            });
    assertThat(onCard.getDomProperty("href")).endsWith(page);
    assertThat(onCard.getText()).startsWith("Open contract CF-").endsWith("in the workspace");

    openTab("Contract");
    WebElement inTab =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".contractflow-contract a.contractflow-contract-page")));
    assertThat(inTab.getDomProperty("href")).endsWith(page);
    assertThat(browser.findElement(By.cssSelector(".contractflow-contract")).getText())
        .contains(title);
    chromium.saveScreenshot("tasklist-contract-link");
    openTab("Form");
  }

  /** Opens the open task's tab of this name. */
  private void openTab(String name) {
    chromium.press(
        wait.until(
            b ->
                b.findElements(By.cssSelector(".nav-tabs a")).stream()
                    .filter(a -> a.getText().trim().equals(name))
                    .findFirst()
                    .orElse(null)));
  }

  /**
   * Signs in on Tasklist's login page, once the app has routed there (it renders the form more than
   * once).
   */
  private void signInToTasklist(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.urlContains("#/login"));
    wait.until(
        b -> {
          WebElement name =
              b.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='username']"));
          WebElement password =
              b.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']"));
          chromium.type(name, user);
          chromium.type(password, user);
          return user.equals(name.getDomProperty("value"))
              && user.equals(password.getDomProperty("value"));
        });
    chromium.press(
        browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
  }

  /**
   * The radio button labelled so on the task's form, once the form may be filled in (the task is
   * claimed).
   */
  private WebElement enabledRadio(String label) {
    for (WebElement option :
        browser.findElements(By.cssSelector(".fjs-form input[type='radio']"))) {
      String id = option.getDomAttribute("id");
      List<WebElement> labels = browser.findElements(By.cssSelector("label[for='" + id + "']"));
      if (!labels.isEmpty() && labels.get(0).getText().trim().equals(label) && option.isEnabled()) {
        return option;
      }
    }
    return null;
  }

  private WebElement completeButtonOnceEnabled() {
    return browser.findElements(By.cssSelector("button[ng-click='complete()']")).stream()
        .filter(WebElement::isEnabled)
        .findFirst()
        .orElse(null);
  }
}
