package io.contractflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.KeycloakPlatform;
import io.contractflow.support.KeycloakServer;
import io.contractflow.support.TasklistBrowser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A demo user of the realm signs in to Tasklist through Keycloak's own login page, in a real
 * browser, and sees only their group's tasks: leo (legal reviewer) gets the legal review of a
 * contract that also needs finance's approval, lists it under "Legal review", and cannot see
 * finance's task of the same contract; every task Tasklist shows him is his group's or his own.
 */
@Tag("keycloak")
@KeycloakPlatform
class TasklistKeycloakIT extends IntegrationTest {

  private static KeycloakServer keycloak;

  @Autowired private TaskService tasks;

  private TasklistBrowser tasklist;

  @BeforeAll
  static void keycloak() {
    keycloak = KeycloakServer.shared();
  }

  @BeforeEach
  void startBrowser() throws IOException {
    tasklist = TasklistBrowser.start();
  }

  @AfterEach
  void stopBrowser() {
    if (tasklist != null) {
      tasklist.close();
    }
  }

  @Test
  void aLegalReviewerSignsInThroughKeycloakAndSeesOnlyTheirGroupsTasks() {
    // above the finance threshold: legal and finance review in parallel
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", 50000).put("currency", "EUR");
    String contract = ContractsInReview.submit(api, "rita", body);
    String title = body.get("title").asText();
    String legalTask = ContractsInReview.awaitTask(api, "leo", contract);
    String financeTask = ContractsInReview.awaitTask(api, "fiona", contract);
    assertThat(financeTask).isNotEqualTo(legalTask);

    tasklist.onFailureSaveThePage(
        "tasklist-through-keycloak",
        () -> {
          var browser = tasklist.driver();
          var wait = tasklist.waiting();
          browser.get(api.baseUrl() + "/camunda/app/tasklist/default/");

          // Keycloak's login page, not the webapp's own
          wait.until(
              ExpectedConditions.urlContains(
                  keycloak.issuerUri() + "/protocol/openid-connect/auth"));
          WebElement username =
              wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
          tasklist.type(username, "leo");
          tasklist.type(browser.findElement(By.id("password")), "leo");
          tasklist.press(browser.findElement(By.id("kc-login")));

          wait.until(ExpectedConditions.urlContains(api.baseUrl() + "/camunda/app/tasklist/"));
          assertThat(tasklist.filterNames())
              .contains("My tasks", "My groups' tasks", "Legal review")
              .doesNotContain("Finance approval", "Escalated reviews", "All tasks");
          tasklist.openFilter("Legal review");
          wait.until(b -> tasklist.taskCard(title));

          // what Tasklist may load for him: his group's task, not finance's on the same contract
          assertThat(fetch("/camunda/api/engine/engine/default/task/" + legalTask).status())
              .isEqualTo(200);
          assertThat(fetch("/camunda/api/engine/engine/default/task/" + financeTask).status())
              .isIn(403, 404);
          Api.Response visible = fetch("/camunda/api/engine/engine/default/task?maxResults=2000");
          assertThat(visible.status()).as(visible.toString()).isEqualTo(200);
          List<String> others = new ArrayList<>();
          for (JsonNode task : visible.json()) {
            String id = task.get("id").asText();
            if (!"leo".equals(task.path("assignee").asText(null))
                && !legalOrLeo(tasks.getIdentityLinksForTask(id))) {
              others.add(id + " " + task.get("name").asText());
            }
          }
          assertThat(visible.json().size()).as("tasks leo sees").isGreaterThanOrEqualTo(1);
          assertThat(others)
              .as("tasks shown to leo that are neither his group's nor his")
              .isEmpty();
          assertThat(visible.json().findValuesAsText("id"))
              .contains(legalTask)
              .doesNotContain(financeTask);
        });
  }

  private static boolean legalOrLeo(List<IdentityLink> links) {
    return links.stream()
        .anyMatch(
            link -> "legal-reviewer".equals(link.getGroupId()) || "leo".equals(link.getUserId()));
  }

  /** A GET made by the page itself, with the browser's session: status and body. */
  private Api.Response fetch(String path) {
    Object result =
        tasklist
            .driver()
            .executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {headers: {Accept: 'application/json'}})
          .then(r => r.text().then(t => done([r.status, t])))
          .catch(e => done([0, String(e)]));
        """,
                path);
    List<?> answer = (List<?>) result;
    return new Api.Response(((Number) answer.get(0)).intValue(), null, (String) answer.get(1));
  }
}
