package io.contractflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With the OpenSearch node stopped for real, contract writes still succeed and wait in the outbox
 * (retried with backoff); once the node is back the index catches up without anyone asking.
 */
class SearchOutageIT extends IntegrationTest {

  @Autowired OpenSearchConfiguration.EmbeddedOpenSearchNode embedded;

  @Autowired JdbcTemplate jdbc;

  @Test
  void writesSucceedWhileSearchIsDownAndTheIndexCatchesUpWhenItReturns() {
    EmbeddedOpenSearch node = embedded.node();
    assertThat(node).as("the tests run the in-process node").isNotNull();
    String before = word();
    ObjectNode existingBody = contractBody(createCounterparty("rita"));
    String existing = contractWith("rita", existingBody, before);
    awaitFound(before, existing);

    String created = word();
    String edited = word();
    String newId;
    node.stop();
    try {
      // a new contract with its document, and an edit of an existing one: all committed
      newId = contractWith("rita", contractBody(createCounterparty("rita")), created);
      String etag = api.as("rita").get("/api/contracts/" + existing).etag();
      existingBody.put("title", "Renamed " + edited);
      Api.Response update =
          api.as("rita").ifMatch(etag).put("/api/contracts/" + existing, existingBody);
      assertThat(update.status()).as(update.toString()).isEqualTo(200);

      // search says so plainly
      Api.Response down = api.as("rita").get("/api/search/contracts?q=" + created);
      assertThat(down.status()).as(down.toString()).isEqualTo(503);
      assertThat(down.json().get("type").asText())
          .isEqualTo("urn:contractflow:problem:search-unavailable");

      // the changes wait in the outbox, and are being retried
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          jdbc.queryForObject(
                              "select min(attempts) from contractflow.outbox where topic = 'search'"
                                  + " and payload in (?, ?)",
                              Integer.class,
                              newId,
                              existing))
                      .isGreaterThanOrEqualTo(2));
    } finally {
      node.startNode();
    }

    awaitFound(created, newId);
    awaitFound(edited, existing);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForObject(
                            "select count(*) from contractflow.outbox where topic = 'search'"
                                + " and payload in (?, ?)",
                            Long.class,
                            newId,
                            existing))
                    .isZero());
  }

  private String contractWith(String owner, ObjectNode body, String word) {
    String id = createContract(owner, body).get("id").asText();
    Api.Response upload =
        api.as(owner)
            .upload(
                "/api/contracts/" + id + "/documents",
                "doc.pdf",
                "application/pdf",
                TestPdf.of("The parties agree on " + word + " as the governing schedule."));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    return id;
  }

  private void awaitFound(String word, String id) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              Api.Response response =
                  api.as("rita")
                      .get(
                          "/api/search/contracts?q="
                              + URLEncoder.encode(word, StandardCharsets.UTF_8));
              assertThat(response.status()).as(response.toString()).isEqualTo(200);
              JsonNode hits = response.json().get("hits");
              assertThat(hits).hasSize(1);
              assertThat(hits.get(0).get("id").asText()).isEqualTo(id);
            });
  }

  private static String word() {
    return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
