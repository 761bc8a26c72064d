package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contractflow.support.TasklistBrowser;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Custom fields in the workspace, in headless Chromium: an admin defines a choice field for
 * partnership contracts on the Custom fields page; a requester's new partnership form asks for it
 * as a list of its choices, and the contract page shows the value chosen; the Contracts page counts
 * the search's hits by the field and narrows them to a choice. Screenshots go to {@code
 * target/screenshots/} or {@code -Dworkspace.screenshots=docs/screenshots}: {@code
 * custom-fields.png} (the admin's page), {@code custom-fields-form.png} (the requester's form) and
 * {@code custom-fields-facets.png} (the Contracts page narrowed by the field).
 */
class CustomFieldsBrowserIT extends BrowserIntegrationTest {

  private String fieldId;

  @BeforeEach
  void aNarrowerWindow() {
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @AfterEach
  void retireTheField() {
    if (fieldId != null) {
      api.as("admin").delete("/api/admin/custom-fields/" + fieldId);
    }
  }

  @Test
  void anAdminDefinesAChoiceAndARequesterFillsIt(TestInfo test) {
    String key = "region_" + UUID.randomUUID().toString().substring(0, 6);
    String title = unique("Reseller partnership");
    // added on the spot, from the counterparty picker's last choice
    String counterpartyName =
        "Region partner " + java.util.UUID.randomUUID().toString().substring(0, 8);

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          openTheWorkspaceAs("admin");
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
          signOut();

          signIn("rita");
          assertThat(browser.findElement(By.cssSelector("[data-nav=custom-fields]")).isDisplayed())
              .as("a requester is not offered the admin page")
              .isFalse();
          chromium.press(browser.findElement(By.linkText("New contract")));
          wait.until(visible(By.id("title"))).sendKeys(title);
          pick("counterpartyId", "", "Add a new counterparty…");
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

          // the Contracts page counts the search's hits by the field, and narrows to a choice
          String word = title.substring(title.lastIndexOf(' ') + 1);
          await()
              .atMost(TasklistBrowser.PATIENCE)
              .until(
                  () ->
                      api.as("rita")
                          .get("/api/search/contracts?q=" + word)
                          .json()
                          .get("total")
                          .asLong(),
                  total -> total == 1);
          browser.get(api.baseUrl() + "/#/contracts?q=" + word);
          By apac = By.cssSelector("input[data-facet='cf." + key + "'][value='APAC']");
          wait.until(visible(apac));
          WebElement facet =
              browser.findElement(By.xpath("//fieldset[.//input[@data-facet='cf." + key + "']]"));
          assertThat(facet.findElement(By.tagName("legend")).getText()).isEqualTo("Sales region");
          assertThat(facet.getText()).contains("APAC 1");
          chromium.press(browser.findElement(apac));
          wait.until(ExpectedConditions.urlContains("cf." + key + "=APAC"));
          wait.until(ExpectedConditions.elementSelectionStateToBe(apac, true));
          waitForText(title);
          screenshot("custom-fields-facets");
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
}
