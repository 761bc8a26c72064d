package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Tasklist as a reviewer uses it, in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromedriver}, which {@code .ci/run} installs) driven by Selenium against the running platform. A legal
 * reviewer signs in, opens the "Legal review" filter, opens the review of a contract submitted over the API, claims
 * it, approves it on its Camunda Form, and the contract moves on. Skipped, not passed, where the browser is missing;
 * on failure a screenshot and the page are saved under {@code target/browser/}.
 *
 * <p>Text goes in as the browser's input method delivers it ({@code Input.insertText}: real {@code beforeinput} and
 * {@code input} events) and clicks as DOM clicks: in this headless Chromium (156) the Camunda webapps receive no
 * synthesized key or mouse events at all ({@code Input.dispatchKeyEvent}/{@code dispatchMouseEvent} are dropped
 * before they reach the page, while the same browser types into other pages), so WebDriver's native
 * {@code sendKeys}/{@code click} would silently do nothing there.
 */
class TasklistBrowserIT extends IntegrationTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String COMMENT = "Standard terms, approved in Tasklist";

  private Path profile;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (Debian package chromium)");
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "no " + CHROMEDRIVER + " (Debian package chromium-driver)");
    profile = Files.createTempDirectory("tasklist-browser-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--lang=en-US", "--window-size=1400,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, PATIENCE);
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      FileSystemUtils.deleteRecursively(profile);
    }
  }

  @Test
  void aLegalReviewerApprovesAContractInTasklist(TestInfo test) {
    // below the finance threshold: legal review only, then signing
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", 5000).put("currency", "EUR");
    String contract = ContractsInReview.submit(api, "rita", body);
    String title = body.get("title").asText();
    String task = ContractsInReview.awaitTask(api, "leo", contract);

    onFailureSaveThePage(test, () -> {
      signIn("leo");
      assertThat(filterNames()).contains("My tasks", "My groups' tasks", "Overdue", "Legal review")
          .doesNotContain("Finance approval", "Escalated reviews", "All tasks");

      openFilter("Legal review");
      press(wait.until(b -> taskCard(title)).findElement(By.cssSelector("h4.task a")));
      wait.until(ExpectedConditions.urlContains("task=" + task));

      press(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.claim"))));
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("button.claim"), 0));
      // the form becomes editable once claimed (and is drawn again then): fill it until it holds the answers
      wait.until(b -> {
        WebElement approve = enabledRadio("Approve");
        WebElement comment = b.findElements(By.cssSelector(".fjs-form textarea")).stream()
            .filter(WebElement::isEnabled).findFirst().orElse(null);
        if (approve == null || comment == null) {
          return false;
        }
        if (!approve.isSelected()) {
          press(approve);
        }
        if (!COMMENT.equals(comment.getDomProperty("value"))) {
          type(comment, COMMENT);
        }
        return approve.isSelected() && COMMENT.equals(comment.getDomProperty("value"));
      });
      press(wait.until(b -> completeButtonOnceEnabled()));
      // Tasklist confirms and clears the task from view
      wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("task=" + task)));
    });

    // approved, and on to signing
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
        .until(() -> ContractsInReview.process(api, "rita", contract).get("status").asText(), "SIGNING"::equals);
    assertThat(ContractsInReview.openTask(api, "leo", contract)).as("the review task is done").isEmpty();
    JsonNode history = api.as("rita").get("/api/contracts/" + contract + "/history").json();
    assertThat(history.toString()).contains("completed by leo: APPROVE").contains(COMMENT);
  }

  /** Signs in on Tasklist's login page, once the app has routed there (it renders the form more than once). */
  private void signIn(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.urlContains("#/login"));
    wait.until(b -> {
      WebElement name = b.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='username']"));
      WebElement password = b.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']"));
      type(name, user);
      type(password, user);
      return user.equals(name.getDomProperty("value")) && user.equals(password.getDomProperty("value"));
    });
    press(browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
  }

  private List<String> filterNames() {
    return wait.until(b -> {
      List<String> names = b.findElements(By.cssSelector(".task-filter h4.name a")).stream()
          .map(e -> e.getText().replaceAll("\\s+\\d+$", "").trim()).toList();
      return names.isEmpty() ? null : names;
    });
  }

  private void openFilter(String name) {
    wait.until(b -> {
      for (WebElement filter : b.findElements(By.cssSelector(".task-filter"))) {
        if (filter.findElement(By.cssSelector("h4.name a")).getText().trim().startsWith(name)) {
          if (!filter.getDomAttribute("class").contains("active")) {
            press(filter);
          }
          return filter.getDomAttribute("class").contains("active");
        }
      }
      return false;
    });
  }

  /** The card of the contract's task in the open filter's list (the filter shows the contract's title). */
  private WebElement taskCard(String contractTitle) {
    return browser.findElements(By.cssSelector("[cam-tasks] li.task, .tasks-list li")).stream()
        .filter(li -> li.getText().contains(contractTitle)).findFirst().orElse(null);
  }

  /** The radio button labelled so on the task's form, once the form may be filled in (the task is claimed). */
  private WebElement enabledRadio(String label) {
    for (WebElement option : browser.findElements(By.cssSelector(".fjs-form input[type='radio']"))) {
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
        .filter(WebElement::isEnabled).findFirst().orElse(null);
  }

  /**
   * Replaces the field's text, entered as the browser's input method would, and leaves the field (form-js takes
   * typed text in after a pause, or at once when the field loses focus).
   */
  private void type(WebElement field, String text) {
    browser.executeScript("arguments[0].focus(); arguments[0].select();", field);
    browser.executeCdpCommand("Input.insertText", Map.of("text", text));
    browser.executeScript("arguments[0].blur();", field);
  }

  private void press(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
  }

  private void onFailureSaveThePage(TestInfo test, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      Path dir = Path.of("target", "browser");
      String name = test.getTestMethod().map(m -> m.getName()).orElse("browser");
      try {
        Files.createDirectories(dir);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
        e.addSuppressed(new AssertionError("page saved as " + dir.resolve(name + ".png").toAbsolutePath()));
      } catch (IOException | RuntimeException saving) {
        e.addSuppressed(saving);
      }
      throw e;
    }
  }
}
