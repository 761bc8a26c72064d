package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.support.IntegrationTest;
import io.contractflow.support.TasklistBrowser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Custom fields in the workspace, in headless Chromium: an admin defines a choice field for
 * partnership contracts on the Custom fields page; a requester's new partnership form asks for it
 * as a list of its choices, and the contract page shows the value chosen. Screenshots go to {@code
 * target/screenshots/} or {@code -Dworkspace.screenshots=docs/screenshots}: {@code
 * custom-fields.png} (the admin's page) and {@code custom-fields-form.png} (the requester's form).
 */
class CustomFieldsBrowserIT extends IntegrationTest {

  private TasklistBrowser chromium;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private String fieldId;

  @BeforeEach
  void startBrowser() throws IOException {
    chromium = TasklistBrowser.start();
    browser = chromium.driver();
    browser.manage().window().setSize(new Dimension(1280, 1000));
    wait = chromium.waiting();
  }

  @AfterEach
  void stopBrowserAndRetireTheField() {
    if (chromium != null) {
      chromium.close();
    }
    if (fieldId != null) {
      api.as("admin").delete("/api/admin/custom-fields/" + fieldId);
    }
  }

  @Test
  void anAdminDefinesAChoiceAndARequesterFillsIt(TestInfo test) {
    String key = "region_" + UUID.randomUUID().toString().substring(0, 6);
    String title = unique("Reseller partnership");
    // added on the spot: the form lists the first 100 counterparties by name, and a shared test
    // database holds more than that
    String counterpartyName =
        "Region partner " + java.util.UUID.randomUUID().toString().substring(0, 8);

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          browser.get(api.baseUrl() + "/");
          wait.until(ExpectedConditions.urlContains("/signin"));
          signIn("admin");
          wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "admin"));
          chromium.press(browser.findElement(By.linkText("Custom fields")));
          wait.until(visible(By.id("cf-label"))).sendKeys("Sales region");
          browser.findElement(By.id("cf-key")).sendKeys(key);
          new Select(browser.findElement(By.id("contractType"))).selectByValue("PARTNERSHIP");
          new Select(browser.findElement(By.id("cf-kind"))).selectByValue("CHOICE");
          wait.until(visible(By.id("cf-choices"))).sendKeys("EMEA\nAmericas\nAPAC");
          chromium.press(browser.findElement(By.cssSelector("#custom-field-form button")));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector("section[aria-labelledby=cf-list-h]"), key));
          assertThat(
                  browser
                      .findElement(By.cssSelector("section[aria-labelledby=cf-list-h]"))
                      .getText())
              .contains("Sales region", "PARTNERSHIP", "Choice: EMEA, Americas, APAC");
          fieldId = idOf(key);
          browser.executeScript("window.scrollTo(0, 0)");
          screenshot("custom-fields");
          chromium.press(browser.findElement(By.cssSelector("#signout button")));
          wait.until(ExpectedConditions.urlContains("/signin?signedout"));

          signIn("rita");
          wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "rita"));
          assertThat(browser.findElement(By.cssSelector("[data-nav=custom-fields]")).isDisplayed())
              .as("a requester is not offered the admin page")
              .isFalse();
          chromium.press(browser.findElement(By.linkText("New contract")));
          wait.until(visible(By.id("title"))).sendKeys(title);
          new Select(browser.findElement(By.id("counterpartyId"))).selectByValue("new");
          wait.until(visible(By.id("cpName"))).sendKeys(counterpartyName);
          browser.findElement(By.id("cpEmail")).sendKeys("legal@region.example");
          new Select(browser.findElement(By.id("type"))).selectByValue("PARTNERSHIP");
          WebElement region = wait.until(visible(By.id("cf-" + key)));
          new Select(region).selectByValue("APAC");
          browser.findElement(By.id("amount")).sendKeys("2500");
          setValue(By.id("startDate"), today().toString());
          setValue(By.id("endDate"), today().plusYears(1).toString());
          browser.findElement(By.id("renewalTermMonths")).sendKeys("12");
          browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", region);
          screenshot("custom-fields-form");
          chromium.press(
              browser.findElement(By.cssSelector("form.facts-form button[type=submit]")));

          wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector("dl.facts"), "Sales region"));
          assertThat(browser.findElement(By.cssSelector("dl.facts")).getText())
              .contains("Sales region", "APAC", counterpartyName);
        });
  }

  private String idOf(String key) {
    for (var field : api.as("admin").get("/api/admin/custom-fields").json()) {
      if (field.get("key").asText().equals(key)) {
        return field.get("id").asText();
      }
    }
    return null;
  }

  private void signIn(String user) {
    wait.until(visible(By.id("username"))).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user);
    chromium.press(browser.findElement(By.cssSelector("button[type=submit]")));
  }

  private static org.openqa.selenium.support.ui.ExpectedCondition<WebElement> visible(By by) {
    return ExpectedConditions.visibilityOfElementLocated(by);
  }

  private void setValue(By by, String value) {
    browser.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        browser.findElement(by),
        value);
  }

  private void screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("workspace.screenshots", "target/screenshots"));
      Files.createDirectories(dir);
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          dir.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
