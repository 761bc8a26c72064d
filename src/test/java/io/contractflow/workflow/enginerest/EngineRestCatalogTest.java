package io.contractflow.workflow.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineRestCatalogTest {

  private final EngineRestCatalog catalog = EngineRestCatalog.camunda();

  @Test
  void readsEveryOperationIncludingSubResources() {
    catalog.operations().forEach(op -> System.out.println("OP " + op.key() + " " + op.javaMethod()));
    assertThat(catalog.operations()).extracting(EngineOperation::key)
        .contains("POST /task/{id}/claim", "PUT /task/{id}/variables/{varName}", "POST /signal",
            "POST /message", "PUT /execution/{id}/localVariables/{varName}", "GET /engine");
  }

  @Test
  void resolvesARequestToTheMostLiteralTemplate() {
    assertThat(catalog.resolve("GET", "/task/count")).get().extracting(EngineOperation::key).isEqualTo("GET /task/count");
    assertThat(catalog.resolve("GET", "/task/abc")).get().extracting(EngineOperation::key).isEqualTo("GET /task/{id}");
    assertThat(catalog.resolve("HEAD", "/task/abc")).get().extracting(EngineOperation::key).isEqualTo("GET /task/{id}");
    assertThat(catalog.resolve("POST", "/task/abc/claim")).get().extracting(EngineOperation::key)
        .isEqualTo("POST /task/{id}/claim");
    assertThat(catalog.resolve("POST", "/nothing/here")).isEmpty();
  }
}
