package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contractflow.support.TasklistBrowser;
import io.contractflow.support.VendorStubs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The workspace as a requester uses it, in a real browser (headless Chromium, as {@link
 * TasklistBrowser} starts it): she signs in with the form, drafts a contract with a new
 * counterparty, uploads its document, submits it; a legal reviewer then finds the review among his
 * tasks on Home. A screenshot of each page is saved under {@code target/screenshots/}, or the
 * directory the system property {@code workspace.screenshots} names: {@code
 * -Dworkspace.screenshots= docs/screenshots} refreshes the docs' pictures (docs/workspace.md).
 */
class WorkspaceBrowserIT extends BrowserIntegrationTest {

  @Test
  void aRequesterDraftsUploadsAndSubmitsAContract(TestInfo test) throws IOException {
    String title = unique("Cleaning services");
    String counterparty = unique("Sparkle Ltd");
    Path pdf = Files.createTempFile("contract-", ".pdf");
    Files.write(pdf, VendorStubs.pdf("Cleaning services agreement between the parties."));

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          browser.get(api.baseUrl() + "/");
          wait.until(ExpectedConditions.urlContains("/signin"));
          screenshot("workspace-signin");
          signIn("rita");
          waitForText("Drafts to finish");

          chromium.press(browser.findElement(By.linkText("New contract")));
          WebElement titleField = wait.until(visible(By.id("title")));
          titleField.sendKeys(title);
          new Select(browser.findElement(By.id("type"))).selectByValue("SERVICES");
          pick("counterpartyId", "", "Add a new counterparty…");
          wait.until(visible(By.id("cpName"))).sendKeys(counterparty);
          browser.findElement(By.id("cpEmail")).sendKeys("legal@sparkle.example");
          browser.findElement(By.id("amount")).sendKeys("4800");
          setValue(By.id("startDate"), today().plusDays(7).toString());
          setValue(By.id("endDate"), today().plusDays(7).plusYears(1).minusDays(1).toString());
          browser.findElement(By.id("renewalTermMonths")).sendKeys("12");
          browser.findElement(By.id("noticePeriodDays")).sendKeys("30");
          browser.findElement(By.id("description")).sendKeys("Weekly office cleaning.");
          screenshot("workspace-new-contract");
          chromium.press(
              browser.findElement(By.cssSelector("form.facts-form button[type=submit]")));

          wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
          assertThat(browser.findElement(By.cssSelector("h1 .badge")).getText()).isEqualTo("Draft");
          assertThat(browser.findElement(By.cssSelector("dl.facts")).getText())
              .contains(counterparty, "SERVICES", "rita");

          browser.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
          chromium.press(browser.findElement(By.cssSelector("form.upload button")));
          waitForText("v1 (current)");
          screenshot("workspace-contract-draft");
          // Home now lists the draft to finish and its task
          String contractPage = browser.getCurrentUrl();
          chromium.press(browser.findElement(By.linkText("Home")));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector("section[aria-labelledby=drafts-h]"), title));
          screenshot("workspace-home");
          browser.get(contractPage);

          chromium.press(wait.until(visible(By.id("submit-draft"))));
          waitForText("Submitted");
          // the lifecycle moves the contract on in the background: the page waits a little for
          // it, a user on a slow day reloads
          wait.until(
              b -> {
                if (b.findElement(By.cssSelector("h1 .badge")).getText().equals("In review")) {
                  return true;
                }
                b.navigate().refresh();
                return false;
              });
          screenshot("workspace-contract");
          // where it stands, drawn by bpmn-js from the API's diagrams
          WebElement diagram =
              wait.until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.cssSelector("#process-diagram .djs-container")));
          browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", diagram);
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#process-diagram .cf-active")));
          screenshot("workspace-contract-process");

          // the list is the full-text search: the contract has reached the index
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      api.as("rita")
                          .get("/api/search/contracts?q=" + title.replace(" ", "%20"))
                          .json()
                          .get("total")
                          .asLong(),
                  total -> total == 1);
          browser.get(api.baseUrl() + "/#/contracts?mine=1");
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Contracts"));
          waitForText(title);
          screenshot("workspace-contracts");
          browser.manage().window().setSize(new Dimension(390, 844));
          browser.navigate().refresh();
          waitForText(title);
          screenshot("workspace-contracts-phone");
          browser.manage().window().setSize(new Dimension(1400, 1000));

          // the reviewer finds the review among his tasks, with its link to Tasklist
          signOut();
          signIn("leo");
          WebElement task =
              wait.until(
                  b ->
                      b
                          .findElements(By.cssSelector("main a[href*='/camunda/app/tasklist/']"))
                          .stream()
                          .filter(
                              a ->
                                  a.findElement(By.xpath("./ancestor::tr"))
                                      .getText()
                                      .contains(title))
                          .findFirst()
                          .orElseGet(
                              () -> {
                                b.navigate().refresh();
                                return null;
                              }));
          assertThat(task.getDomAttribute("href")).contains("#/?task=");
          screenshot("workspace-home-reviewer");
        });

    assertThat(
            api.as("rita")
                .get("/api/contracts?q=" + title.replace(" ", "%20"))
                .json()
                .get("content"))
        .singleElement()
        .satisfies(c -> assertThat(c.get("status").asText()).isEqualTo("IN_REVIEW"));
  }
}
