package io.contractflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The health component {@code openSearch} with the node stopped for real: DOWN in the details,
 * while readiness stays UP (search answers 503 and index changes wait in the outbox; the rest of
 * the platform works).
 */
class OpenSearchHealthIT extends IntegrationTest {

  @Autowired OpenSearchConfiguration.EmbeddedOpenSearchNode embedded;

  @Test
  void openSearchDownShowsInTheDetailsButThePodStaysReady() {
    EmbeddedOpenSearch node = embedded.node();
    assertThat(node).as("the tests run the in-process node").isNotNull();
    assertThat(openSearch().get("status").asText()).isEqualTo("UP");

    node.stop();
    try {
      JsonNode down = openSearch();
      assertThat(down.get("status").asText()).isEqualTo("DOWN");
      assertThat(health().get("status").asText()).isEqualTo("DOWN");
      Api.Response readiness = api.anonymous().get("/actuator/health/readiness");
      assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
      assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
    } finally {
      node.startNode();
    }
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(openSearch().get("status").asText()).isEqualTo("UP"));
  }

  private JsonNode health() {
    Api.Response health = api.as("admin").get("/actuator/health");
    assertThat(health.status()).as(health.toString()).isIn(200, 503);
    return health.json();
  }

  private JsonNode openSearch() {
    return health().get("components").get("openSearch");
  }
}
