package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The process API refuses bad input with a 4xx problem, never a 500, and the task it was aimed at
 * stays open and unassigned.
 */
class ProcessApiBadInputIT extends IntegrationTest {

  // one contract in legal review serves every case: none of them may change it
  private static String contractId;
  private static String reviewTask;

  @BeforeEach
  void aContractInLegalReview() {
    if (reviewTask != null) {
      return;
    }
    var body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", 500).put("currency", "EUR");
    contractId = createContract("rita", body).get("id").asText();
    api.as("rita")
        .upload(
            "/api/contracts/" + contractId + "/documents",
            "c.pdf",
            Corpus.PDF,
            Corpus.sample("nda.pdf"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.as("rita").post("/api/contracts/" + contractId + "/submit", null).status()
                    == 202);
    reviewTask =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    StreamSupport.stream(
                            api.as("leo")
                                .get("/api/tasks?contractId=" + contractId)
                                .json()
                                .spliterator(),
                            false)
                        .filter(t -> t.get("contractId").asText().equals(contractId))
                        .map(t -> t.get("id").asText())
                        .findFirst()
                        .orElse(null),
                id -> id != null);
  }

  private void assertProblem(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    Api.Response task = api.as("leo").get("/api/tasks/" + reviewTask);
    assertThat(task.status()).as("the task is still there").isEqualTo(200);
    assertThat(task.json().get("assignee").isNull()).as("and nobody took it").isTrue();
  }

  @ParameterizedTest(name = "complete with {0}")
  @ValueSource(
      strings = {
        "{\"decision\": \"MAYBE\"}",
        "{\"decision\": \"approve\"}",
        "{}",
        "{\"decision\": \"REJECT\"}",
        "{\"decision\": \"REQUEST_CHANGES\", \"comment\": \"   \"}",
        "{\"decision\": \"APPROVE\", \"nonStandardTerms\": true}",
        "{\"decision\": \"APPROVE\", \"status\": \"APPROVED\"}",
        "{\"decision\": 7}",
        "{\"decision\": \"APPROVE\", \"comment\": \"unfinished",
        "[]",
        ""
      })
  void badDecisionsAreRefused(String body) {
    assertProblem(
        api.as("leo")
            .send("POST", "/api/tasks/" + reviewTask + "/complete", body, "application/json"),
        400);
  }

  @org.junit.jupiter.api.Test
  void theTaskListFiltersByContract() {
    Api.Response ofContract = api.as("leo").get("/api/tasks?contractId=" + contractId);
    assertThat(ofContract.status()).isEqualTo(200);
    assertThat(ofContract.json().findValuesAsText("id")).containsExactly(reviewTask);
    assertThat(api.as("rita").get("/api/tasks?contractId=" + contractId).json())
        .as("not rita's task")
        .isEmpty();
    assertThat(api.as("leo").get("/api/tasks?contractId=" + java.util.UUID.randomUUID()).json())
        .isEmpty();
    Api.Response bad = api.as("leo").get("/api/tasks?contractId=not-a-uuid");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"POST, /claim", "POST, /unclaim", "GET, ''", "POST, /complete"})
  void unknownOrMalformedTaskIdsAreNotFound(String method, String suffix) {
    for (String id : new String[] {"no-such-task", "x".repeat(300), "%2e%2e"}) {
      Api.Response response =
          api.as("leo")
              .send(
                  method,
                  "/api/tasks/" + id + suffix,
                  method.equals("POST") ? "{\"decision\":\"APPROVE\"}" : null,
                  "application/json");
      assertThat(response.status()).as(id + " " + response).isIn(400, 404);
      assertThat(response.status()).isNotEqualTo(500);
    }
  }

  @ParameterizedTest(name = "terminate with {0}")
  @ValueSource(strings = {"{}", "{\"reason\": \"\"}", "{\"reason\": 5}", "{\"why\": \"x\"}"})
  void badTerminationsAreRefused(String body) {
    Api.Response response =
        api.as("rita")
            .send("POST", "/api/contracts/" + contractId + "/terminate", body, "application/json");
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
  }

  @ParameterizedTest(name = "submit with {0}")
  @ValueSource(
      strings = {"{\"nonStandardTerms\": \"yes\"}", "{\"owner\": \"ravi\"}", "{\"comment\": 5}"})
  void badSubmissionsAreRefused(String body) {
    Api.Response response =
        api.as("rita")
            .send("POST", "/api/contracts/" + contractId + "/submit", body, "application/json");
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
  }
}
