package io.contractflow.browser;

import io.contractflow.support.IntegrationTest;
import io.contractflow.support.TasklistBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the integration tests that drive the platform's pages in a real browser: a fresh headless
 * Chromium ({@link TasklistBrowser}) for each test, closed after it (the test is skipped where
 * Chromium is not installed), and the steps every such test takes: signing in on the workspace's
 * form, waiting for text, setting a field, saving a screenshot under {@code target/screenshots/} or
 * the directory the system property {@code workspace.screenshots} names ({@code
 * -Dworkspace.screenshots=docs/screenshots} refreshes the docs' pictures).
 */
abstract class BrowserIntegrationTest extends IntegrationTest {

  TasklistBrowser chromium;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    chromium = TasklistBrowser.start();
    browser = chromium.driver();
    wait = chromium.waiting();
  }

  @AfterEach
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** Opens the workspace, which sends the browser to its sign-in page, and signs in there. */
  void openTheWorkspaceAs(String user) {
    browser.get(api.baseUrl() + "/");
    wait.until(ExpectedConditions.urlContains("/signin"));
    signIn(user);
  }

  /**
   * Signs in on the workspace's sign-in form the browser shows (the password is the user's name),
   * and waits for Home, whose heading greets the user.
   */
  void signIn(String user) {
    wait.until(visible(By.id("username"))).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user);
    chromium.press(browser.findElement(By.cssSelector("button[type=submit]")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), user));
  }

  /** Signs out with the workspace's button, back to the sign-in page. */
  void signOut() {
    chromium.press(browser.findElement(By.cssSelector("#signout button")));
    wait.until(ExpectedConditions.urlContains("/signin?signedout"));
  }

  /**
   * Chooses the option so labelled in the picker (a combobox, as the workspace's counterparty
   * picker): types the text into its box, waits for the option among the matches, clicks it.
   */
  void pick(String picker, String typed, String option) {
    WebElement box = wait.until(visible(By.id(picker)));
    box.click();
    if (!typed.isEmpty()) {
      box.sendKeys(typed);
    }
    chromium.press(
        wait.until(
            b ->
                b.findElements(By.cssSelector("#" + picker + "-list [role=option]")).stream()
                    .filter(o -> o.getText().equals(option))
                    .findFirst()
                    .orElse(null)));
  }

  static ExpectedCondition<WebElement> visible(By by) {
    return ExpectedConditions.visibilityOfElementLocated(by);
  }

  /** Waits until the page shows the text. */
  void waitForText(String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }

  /** Sets the field's value as a date picker would, and tells the page ({@code input} event). */
  void setValue(By by, String value) {
    browser.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        browser.findElement(by),
        value);
  }

  /** Saves a screenshot of the page as {@code name.png}. */
  void screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("workspace.screenshots", "target/screenshots"));
      Files.createDirectories(dir);
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          dir.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
