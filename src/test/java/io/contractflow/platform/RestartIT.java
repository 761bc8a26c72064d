package io.contractflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.ContractFlowApplication;
import io.contractflow.support.Api;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data: a contract created over HTTP, and its running lifecycle, are
 * still there after the platform stops and starts again on the same data directory. Always runs on
 * the embedded PostgreSQL, even where the other tests use an external one.
 */
@Tag("own-platform")
class RestartIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ConfigurableApplicationContext start(Path dataDir) {
    return new SpringApplicationBuilder(ContractFlowApplication.class)
        .run(
            "--spring.datasource.url=",
            "--server.port=0",
            "--logging.file.name=",
            "--contractflow.embedded-postgres.data-dir=" + dataDir,
            "--contractflow.embedded-postgres.clean-on-start=false",
            // the test JVM's in-process OpenSearch node, under target/
            "--contractflow.search.embedded.shared-in-jvm=true",
            "--contractflow.search.embedded.data-dir=target/test-opensearch",
            // another context of the platform may be cached in this JVM by the other integration
            // tests
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--spring.application.name=contractflow-restart-it");
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
  }

  @Test
  void contractsAndTheirProcessesSurviveARestart() {
    Path dataDir = Path.of("target", "test-postgres", "restart-" + UUID.randomUUID());
    String id;
    JsonNode created;
    try (ConfigurableApplicationContext first = start(dataDir)) {
      Api api = api(first);
      Api.Response counterparty =
          api.as("rita")
              .post(
                  "/api/counterparties",
                  JSON.createObjectNode()
                      .put("name", "Restart Ltd")
                      .put("contactEmail", "ops@restart.example"));
      assertThat(counterparty.status()).isEqualTo(201);
      var body =
          JSON.createObjectNode()
              .put("title", "Survives a restart")
              .put("type", "NDA")
              .put("counterpartyId", counterparty.json().get("id").asText())
              .put("startDate", "2026-01-01");
      body.putObject("value").put("amount", 0).put("currency", "EUR");
      Api.Response response = api.as("rita").post("/api/contracts", body);
      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      created = response.json();
      id = created.get("id").asText();
    }

    try (ConfigurableApplicationContext second = start(dataDir)) {
      Api.Response read = api(second).as("rita").get("/api/contracts/" + id);

      assertThat(read.status()).isEqualTo(200);
      assertThat(read.json()).isEqualTo(created);
      assertThat(
              second
                  .getBean(RuntimeService.class)
                  .createProcessInstanceQuery()
                  .processDefinitionKey("contract-lifecycle")
                  .processInstanceBusinessKey(id)
                  .active()
                  .count())
          .isEqualTo(1);
      assertThat(
              second
                  .getBean(TaskService.class)
                  .createTaskQuery()
                  .processInstanceBusinessKey(id)
                  .taskDefinitionKey("Task_SubmitDraft")
                  .taskAssignee("rita")
                  .count())
          .as("the owner's drafting task is still there")
          .isEqualTo(1);
      assertThat(
              api(second)
                  .as("rita")
                  .get("/api/contracts?q=" + created.get("reference").asText())
                  .json()
                  .get("page")
                  .get("totalElements")
                  .asInt())
          .isEqualTo(1);
    }
  }
}
