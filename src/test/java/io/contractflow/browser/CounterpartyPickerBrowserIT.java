package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The contract form's counterparty picker in headless Chromium: with more counterparties than the
 * first 100 by name, a requester types part of one's name that is not among them, chooses it from
 * the matches with the keyboard, and the draft names it; editing the draft shows it chosen. A
 * screenshot of the open list goes to {@code target/screenshots/counterparty-picker.png} (or {@code
 * -Dworkspace.screenshots=docs/screenshots}).
 */
class CounterpartyPickerBrowserIT extends BrowserIntegrationTest {

  @Test
  void aRequesterPicksACounterpartyBeyondTheFirstHundredByName(TestInfo test) {
    String name = unique("Zz Picked counterparty");
    String tag = name.substring(name.lastIndexOf(' ') + 1);
    String counterpartyId = addCounterparty(name);
    List<String> firstHundred = firstHundredByName();
    for (int i = firstHundred.indexOf(counterpartyId); i >= 0 && i < 100; i++) {
      addCounterparty(unique("Aa Filler counterparty"));
    }
    assertThat(firstHundredByName())
        .as("the counterparty is not among the first 100 by name (what the form used to list)")
        .hasSize(100)
        .doesNotContain(counterpartyId);
    String title = unique("Picked services");

    chromium.onFailureSaveThePage(
        test.getTestMethod().orElseThrow().getName(),
        () -> {
          openTheWorkspaceAs("rita");
          chromium.press(browser.findElement(By.linkText("New contract")));
          wait.until(visible(By.id("title"))).sendKeys(title);
          WebElement box = browser.findElement(By.id("counterpartyId"));
          assertThat(box.getDomAttribute("role")).isEqualTo("combobox");
          box.sendKeys(tag);
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("counterpartyId-list"), name));
          assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("true");
          List<WebElement> options =
              browser.findElements(By.cssSelector("#counterpartyId-list [role=option]"));
          assertThat(options)
              .extracting(WebElement::getText)
              .containsExactly(name, "Add a new counterparty…");
          screenshot("counterparty-picker");

          box.sendKeys(Keys.ARROW_DOWN);
          assertThat(box.getDomAttribute("aria-activedescendant"))
              .isEqualTo(options.get(0).getDomAttribute("id"));
          box.sendKeys(Keys.ENTER);
          wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("counterpartyId-list")));
          assertThat(box.getDomProperty("value")).isEqualTo(name);
          assertThat(browser.findElement(By.id("counterpartyId-value")).getDomProperty("value"))
              .isEqualTo(counterpartyId);
          assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("false");

          browser.findElement(By.id("amount")).sendKeys("2500");
          setValue(By.id("startDate"), today().plusDays(7).toString());
          chromium.press(
              browser.findElement(By.cssSelector("form.facts-form button[type=submit]")));
          wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
          assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains(name);
          String contract =
              browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
          assertThat(
                  api.as("rita")
                      .get("/api/contracts/" + contract)
                      .json()
                      .get("counterparty")
                      .get("id")
                      .asText())
              .isEqualTo(counterpartyId);

          // editing the draft shows the counterparty chosen
          chromium.press(wait.until(visible(By.id("edit"))));
          wait.until(
              b -> name.equals(b.findElement(By.id("counterpartyId")).getDomProperty("value")));
          assertThat(browser.findElement(By.id("counterpartyId-value")).getDomProperty("value"))
              .isEqualTo(counterpartyId);
        });
  }

  private String addCounterparty(String name) {
    var response =
        api.as("rita")
            .post(
                "/api/counterparties",
                JSON.createObjectNode().put("name", name).put("contactEmail", "legal@example.com"));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  /** The ids of the first 100 counterparties by name, as the contract form used to list them. */
  private List<String> firstHundredByName() {
    List<String> ids = new ArrayList<>();
    for (JsonNode c :
        api.as("rita").get("/api/counterparties?size=100&sort=name,asc").json().get("content")) {
      ids.add(c.get("id").asText());
    }
    return ids;
  }
}
