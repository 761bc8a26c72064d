package io.contractflow.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Camunda Tasklist in a real browser: headless Chromium (Debian's {@code chromium} and {@code
 * chromedriver}, which {@code .ci/run} installs) driven by Selenium, with a fresh profile that is
 * deleted on {@link #close()}. Tests that use it are skipped where Chromium is not installed.
 *
 * <p>Text goes in as the browser's input method delivers it ({@code Input.insertText}: real {@code
 * beforeinput} and {@code input} events) and clicks as DOM clicks: in this headless Chromium (156)
 * the Camunda webapps receive no synthesized key or mouse events at all ({@code
 * Input.dispatchKeyEvent}/{@code dispatchMouseEvent} are dropped before they reach the page, while
 * the same browser types into other pages), so Selenium's {@code sendKeys}/{@code click} would
 * silently do nothing there.
 */
public final class TasklistBrowser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Path profile;
  private final ChromeDriver browser;
  private final WebDriverWait wait;

  private TasklistBrowser(Path profile, ChromeDriver browser) {
    this.profile = profile;
    this.browser = browser;
    this.wait = new WebDriverWait(browser, PATIENCE);
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** A fresh browser; skips the calling test where Chromium or its driver is not installed. */
  public static TasklistBrowser start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (Debian package chromium)");
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER),
        "no " + CHROMEDRIVER + " (Debian package chromium-driver)");
    Path profile = Files.createTempDirectory("tasklist-browser-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=en-US",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new TasklistBrowser(profile, new ChromeDriver(service, options));
  }

  public ChromeDriver driver() {
    return browser;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** The names of the filters Tasklist lists on the left, without their counts. */
  public List<String> filterNames() {
    return wait.until(
        b -> {
          List<String> names =
              b.findElements(By.cssSelector(".task-filter h4.name a")).stream()
                  .map(e -> e.getText().replaceAll("\\s+\\d+$", "").trim())
                  .toList();
          return names.isEmpty() ? null : names;
        });
  }

  /** Opens the filter whose name starts so, once it is listed. */
  public void openFilter(String name) {
    wait.until(
        b -> {
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

  /**
   * The card of the contract's task in the open filter's list (the filter shows the contract's
   * title), or null.
   */
  public WebElement taskCard(String contractTitle) {
    return browser.findElements(By.cssSelector("[cam-tasks] li.task, .tasks-list li")).stream()
        .filter(li -> li.getText().contains(contractTitle))
        .findFirst()
        .orElse(null);
  }

  /**
   * Opens the contract's task from the open filter's list: finds its card and clicks its link in
   * one step, again if Tasklist draws the list anew in between (a stale card).
   */
  public void openTask(String contractTitle) {
    wait.until(
        b -> {
          WebElement card = taskCard(contractTitle);
          if (card == null) {
            return false;
          }
          press(card.findElement(By.cssSelector("h4.task a")));
          return true;
        });
  }

  /**
   * Replaces the field's text, entered as the browser's input method would, and leaves the field
   * (form-js takes typed text in after a pause, or at once when the field loses focus).
   */
  public void type(WebElement field, String text) {
    browser.executeScript("arguments[0].focus(); arguments[0].select();", field);
    browser.executeCdpCommand("Input.insertText", Map.of("text", text));
    browser.executeScript("arguments[0].blur();", field);
  }

  public void press(WebElement element) {
    browser.executeScript(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
  }

  /** Saves a screenshot of the page as it is under {@code target/browser/} as {@code name}. */
  public Path saveScreenshot(String name) {
    Path file = Path.of("target", "browser", name + ".png");
    try {
      Files.createDirectories(file.getParent());
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          file,
          StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the steps; if they fail, saves a screenshot and the page under {@code target/browser/} as
   * {@code name}.
   */
  public void onFailureSaveThePage(String name, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      Path dir = Path.of("target", "browser");
      try {
        Files.createDirectories(dir);
        Files.copy(
            browser.getScreenshotAs(OutputType.FILE).toPath(),
            dir.resolve(name + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
            dir.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
        e.addSuppressed(
            new AssertionError("page saved as " + dir.resolve(name + ".png").toAbsolutePath()));
      } catch (IOException | RuntimeException saving) {
        e.addSuppressed(saving);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    browser.quit();
    try {
      FileSystemUtils.deleteRecursively(profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
