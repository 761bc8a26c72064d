package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The workspace's Reports, Renewals and Home charts in a real browser (headless Chromium, as {@link
 * WorkspaceBrowserIT}): the admin's reports are drawn by ECharts with their tables; a requester's
 * Reports and Renewals pages show her contracts and never another requester's. Screenshots as in
 * {@link WorkspaceBrowserIT} ({@code -Dworkspace.screenshots=docs/screenshots}).
 */
class ReportsBrowserIT extends BrowserIntegrationTest {

  private static final List<String> REPORTS =
      List.of(
          "portfolio",
          "renewals",
          "cycle-times",
          "approval-outcomes",
          "overdue-reviews",
          "signing-times");

  @Test
  void theAdminSeesChartsAndARequesterOnlyHerContracts(TestInfo test) {
    // both drafts end in 45 days, so they are on the renewals calendar of those who may read them
    JsonNode ritas = createContract("rita");
    JsonNode ravis = createContract("ravi");
    String raviCounterparty =
        api.as("ravi")
            .get("/api/contracts/" + ravis.get("id").asText())
            .json()
            .at("/counterparty/name")
            .asText();
    List<String> ravisMarks =
        List.of(ravis.get("title").asText(), ravis.get("reference").asText(), raviCounterparty);

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          // the admin: every report draws its charts (ECharts, SVG) from series with data, and
          // lists its table
          openTheWorkspaceAs("admin");
          assertChartsDrawn(2);
          screenshot("workspace-home-charts");

          chromium.press(browser.findElement(By.linkText("Reports")));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Portfolio"));
          assertChartsDrawn(4);
          assertThat(browser.findElements(By.cssSelector("table.report-table tbody tr")))
              .isNotEmpty();
          assertThat(browser.findElement(By.cssSelector("div.chart")).getDomAttribute("aria-label"))
              .startsWith("Bar chart, Contracts and value");
          assertThat(browser.findElement(By.linkText("Download CSV")).getDomAttribute("href"))
              .isEqualTo("/api/reports/portfolio?format=csv");
          screenshot("workspace-reports");
          browser.executeScript(
              "arguments[0].scrollIntoView({block: 'start'});",
              browser.findElement(By.cssSelector("ul.notes")));
          screenshot("workspace-reports-table");

          browser.get(api.baseUrl() + "/#/reports/renewals?days=60");
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "next 60 days"));
          assertChartsDrawn(1);
          assertThat(browser.findElement(By.linkText("Download XLSX")).getDomAttribute("href"))
              .isEqualTo("/api/reports/renewals?days=60&format=xlsx");

          // the admin's renewals calendar has ravi's draft: what rita must not see is there
          browser.get(api.baseUrl() + "/#/renewals");
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Renewals"));
          waitForTextInMain(ravis.get("title").asText());

          signOut();
          signIn("rita");
          assertChartsDrawn(2);
          assertThat(mainText()).doesNotContain(ravisMarks.toArray(String[]::new));
          for (String report : REPORTS) {
            browser.get(api.baseUrl() + "/#/reports/" + report);
            wait.until(
                ExpectedConditions.attributeToBe(
                    By.cssSelector(".report-tabs a[aria-current=page]"),
                    "href",
                    api.baseUrl() + "/#/reports/" + report));
            assertThat(mainText())
                .as(report)
                .contains("you may read")
                .doesNotContain(ravisMarks.toArray(String[]::new));
            if (report.equals("portfolio")) {
              assertChartsDrawn(4);
              screenshot("workspace-reports-requester");
            }
          }

          browser.get(api.baseUrl() + "/#/renewals");
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Renewals"));
          waitForTextInMain(ritas.get("title").asText());
          screenshot("workspace-renewals");
          assertThat(mainText()).doesNotContain(ravisMarks.toArray(String[]::new));
          WebElement ritasLink =
              browser.findElement(
                  By.linkText(
                      ritas.get("reference").asText() + " · " + ritas.get("title").asText()));
          assertThat(ritasLink.getDomAttribute("href"))
              .isEqualTo("#/contracts/" + ritas.get("id").asText());

          // a feed link: shown once, then listed by its name, then revoked
          browser.findElement(By.id("feedLabel")).sendKeys("Browser test phone");
          chromium.press(
              browser.findElement(By.cssSelector("#feeds-h ~ form button[type=submit]")));
          WebElement url =
              wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feed-url")));
          assertThat(url.getDomProperty("value")).matches("https?://.+/calendar/.+\\.ics");
          waitForTextInMain("Browser test phone");
          screenshot("workspace-renewals-feed");
          browser.executeScript("window.confirm = () => true;");
          chromium.press(
              browser.findElement(
                  By.cssSelector("button[aria-label='Revoke Browser test phone']")));
          wait.until(
              ExpectedConditions.invisibilityOfElementLocated(
                  By.cssSelector("button[aria-label='Revoke Browser test phone']")));
        });

    assertThat(api.as("rita").get("/api/calendar/feed-tokens").json())
        .noneMatch(f -> f.get("label").asText().equals("Browser test phone"));
  }

  /** At least {@code n} charts drawn as SVG, each from a series with data. */
  private void assertChartsDrawn(int n) {
    wait.until(
        b ->
            b.findElements(By.cssSelector("div.chart[_echarts_instance_] svg path")).size() > 0
                && b.findElements(By.cssSelector("div.chart[_echarts_instance_]")).size() >= n);
    Object points =
        browser.executeScript(
            "return [...document.querySelectorAll('div.chart[_echarts_instance_]')].map(el =>"
                + " echarts.getInstanceByDom(el).getOption().series"
                + ".reduce((sum, s) => sum + s.data.length, 0));");
    assertThat((List<?>) points).hasSizeGreaterThanOrEqualTo(n);
    assertThat((List<?>) points).allSatisfy(p -> assertThat(((Number) p).intValue()).isPositive());
  }

  private String mainText() {
    return browser.findElement(By.tagName("main")).getText();
  }

  private void waitForTextInMain(String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
  }
}
