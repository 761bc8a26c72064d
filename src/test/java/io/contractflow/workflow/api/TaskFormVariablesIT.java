package io.contractflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/tasks/{id}/form/variables}: what a frontend needs to render a task's Camunda Form
 * — the variables the form names, and nothing else the process holds.
 */
class TaskFormVariablesIT extends IntegrationTest {

  @Test
  void theReviewFormGetsItsFactsAndNoOtherVariables() {
    ObjectNode body = contractBody(createCounterparty("rita"));
    String contract = ContractsInReview.submit(api, "rita", body);
    String task = ContractsInReview.awaitTask(api, "leo", contract);

    Api.Response form = api.as("leo").get("/api/tasks/" + task + "/form");
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    Api.Response variables = api.as("leo").get("/api/tasks/" + task + "/form/variables");
    assertThat(variables.status()).as(variables.toString()).isEqualTo(200);

    JsonNode values = variables.json();
    assertThat(values.get("contractTitle").asText()).isEqualTo(body.get("title").asText());
    assertThat(values.get("reference").asText()).startsWith("CF-");
    List<String> names = new ArrayList<>();
    values.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .as("only what the form names")
        .isSubsetOf(FormVariableNames.of(form.body()))
        .doesNotContain("approverGroups", "contractId", "owner_id");

    assertThat(api.as("ravi").get("/api/tasks/" + task + "/form/variables").status())
        .isEqualTo(404);
  }
}
