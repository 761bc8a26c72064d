package io.contractflow.workflow.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The catalog of Camunda's REST API that the engine surface filter matches requests against. */
class EngineRestCatalogTest {

  private final EngineRestCatalog catalog = EngineRestCatalog.camunda();

  @Test
  void readsEveryOperationIncludingSubResources() {
    assertThat(catalog.operations())
        .extracting(EngineOperation::key)
        .contains(
            "POST /task/{id}/claim",
            "PUT /task/{id}/variables/{varId}",
            "POST /signal",
            "POST /message",
            "PUT /execution/{id}/localVariables/{varId}",
            "GET /engine");
  }

  @Test
  void resolvesARequestToTheMostLiteralTemplate() {
    assertThat(catalog.resolve("GET", "/task/count"))
        .get()
        .extracting(EngineOperation::key)
        .isEqualTo("GET /task/count");
    assertThat(catalog.resolve("GET", "/task/abc"))
        .get()
        .extracting(EngineOperation::key)
        .isEqualTo("GET /task/{id}");
    assertThat(catalog.resolve("HEAD", "/task/abc"))
        .get()
        .extracting(EngineOperation::key)
        .isEqualTo("GET /task/{id}");
    assertThat(catalog.resolve("POST", "/task/abc/claim"))
        .get()
        .extracting(EngineOperation::key)
        .isEqualTo("POST /task/{id}/claim");
    assertThat(catalog.resolve("POST", "/nothing/here")).isEmpty();
    assertThat(catalog.resolve("DELETE", "/task/abc/claim"))
        .as("another method on an allowed path")
        .isEmpty();
    assertThat(catalog.resolve("GET", "/process-definition/key/k/tenant-id/t/xml"))
        .get()
        .extracting(EngineOperation::key)
        .isEqualTo("GET /process-definition/key/{key}/tenant-id/{tenantId}/xml");
  }
}
