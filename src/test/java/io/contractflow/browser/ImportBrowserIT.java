package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.imports.ContractFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The workspace's Import page in headless Chromium: an admin chooses a ZIP, uploads it, and follows
 * the import to its end, n of N files done, the refused file with its reason.
 */
class ImportBrowserIT extends BrowserIntegrationTest {

  @Test
  void anAdminImportsAFolderAndFollowsItsProgress(TestInfo test) throws IOException {
    var entries = ContractFiles.entries();
    entries.put("supply.pdf", ContractFiles.pdf("Supply agreement " + UUID.randomUUID()));
    entries.put("broken.pdf", "%PDF-1.7 not a PDF".getBytes(StandardCharsets.UTF_8));
    Path zip = Files.createTempFile("import-", ".zip");
    Files.write(zip, ContractFiles.zip(entries));

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          openTheWorkspaceAs("admin");
          chromium.press(browser.findElement(By.linkText("Import")));
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-archive")))
              .sendKeys(zip.toAbsolutePath().toString());
          chromium.press(browser.findElement(By.cssSelector("#import-form button[type=submit]")));
          wait.until(ExpectedConditions.urlMatches("#/imports/[0-9a-f-]{36}$"));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("import-summary"), "2 of 2"));
          String page = browser.findElement(By.tagName("main")).getText();
          assertThat(page).contains("supply.pdf").contains("Waiting for verification");
          assertThat(page).contains("broken.pdf").contains("Failed").containsIgnoringCase("PDF");
        });
    Files.deleteIfExists(zip);
  }
}
