package io.contractflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/contracts/{id}/process/diagram}: the chain of models a contract runs, each with
 * its BPMN XML and the steps it waits at and has passed, for whoever may read the contract.
 */
class ProcessDiagramIT extends IntegrationTest {

  @Test
  void aContractInReviewShowsTheLifecycleAndTheReviewWithTheStepsItWaitsAtAndPassed() {
    ObjectNode body = contractBody(createCounterparty("rita"));
    String contract = ContractsInReview.submit(api, "rita", body);
    ContractsInReview.awaitTask(api, "leo", contract);

    Api.Response response = api.as("rita").get("/api/contracts/" + contract + "/process/diagram");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode diagrams = response.json().get("diagrams");
    assertThat(keys(diagrams)).containsExactly("contract-lifecycle", "contract-review");
    JsonNode lifecycle = diagrams.get(0);
    assertThat(lifecycle.get("running").asBoolean()).isTrue();
    assertThat(texts(lifecycle.get("activeActivityIds"))).containsExactly("Activity_Review");
    assertThat(texts(lifecycle.get("completedActivityIds"))).contains("Activity_Drafting");
    assertThat(lifecycle.get("bpmnXml").asText())
        .contains("<bpmn:callActivity id=\"Activity_Review\"")
        .contains("bpmndi:BPMNDiagram");
    JsonNode review = diagrams.get(1);
    assertThat(texts(review.get("activeActivityIds"))).contains("Task_ReviewContract");
    assertThat(review.get("version").asInt()).isPositive();
    assertThat(review.get("bpmnXml").asText()).contains("id=\"Task_ReviewContract\"");

    // an auditor reads it too; another requester does not learn the contract exists
    assertThat(api.as("audrey").get("/api/contracts/" + contract + "/process/diagram").status())
        .isEqualTo(200);
    Api.Response stranger = api.as("ravi").get("/api/contracts/" + contract + "/process/diagram");
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.body()).doesNotContain("bpmnXml");
  }

  private static List<String> keys(JsonNode diagrams) {
    return StreamSupport.stream(diagrams.spliterator(), false)
        .map(d -> d.get("processDefinitionKey").asText())
        .toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
