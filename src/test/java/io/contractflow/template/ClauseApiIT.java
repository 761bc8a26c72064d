package io.contractflow.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClauseApiIT extends IntegrationTest {

  private static String uniqueKey() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static ObjectNode clause(String key, String text) {
    return JSON.createObjectNode().put("key", key).put("title", "Test clause").put("text", text);
  }

  @Test
  void shippedClausesAreSeededAndReadableByEveryone() {
    JsonNode list = api.as("ravi").get("/api/clauses").json();
    assertThat(list.findValuesAsText("key"))
        .contains(
            "confidentiality",
            "term-and-termination",
            "limitation-of-liability",
            "governing-law",
            "payment-terms",
            "intellectual-property");
    Api.Response one = api.as("audrey").get("/api/clauses/governing-law/versions/1");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("text").asText()).contains("{{var.governingLaw}}");
    assertThat(one.json().get("createdBy").asText()).isEqualTo("system");
    assertThat(api.anonymous().get("/api/clauses").status()).isEqualTo(401);
  }

  @Test
  void adminsCreateClausesAndAddVersions() {
    String key = uniqueKey();
    Api.Response created = api.as("admin").post("/api/clauses", clause(key, "  First text.  "));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/clauses/" + key);
    assertThat(created.json().get("version").asInt()).isEqualTo(1);
    assertThat(created.json().get("text").asText()).isEqualTo("First text.");

    Api.Response second =
        api.as("admin")
            .post(
                "/api/clauses/" + key + "/versions",
                JSON.createObjectNode().put("text", "Second text for {{counterparty.name}}."));
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("version").asInt()).isEqualTo(2);

    JsonNode latest = api.as("rita").get("/api/clauses/" + key).json();
    assertThat(latest.get("version").asInt()).isEqualTo(2);
    assertThat(latest.get("latestVersion").asInt()).isEqualTo(2);
    assertThat(
            api.as("rita").get("/api/clauses/" + key + "/versions/1").json().get("text").asText())
        .isEqualTo("First text.");
    assertThat(api.as("rita").get("/api/clauses/" + key + "/versions/3").status()).isEqualTo(404);
    assertThat(api.as("rita").get("/api/clauses/no-such-clause").status()).isEqualTo(404);
    assertThat(api.as("admin").post("/api/clauses", clause(key, "Again")).status()).isEqualTo(409);
  }

  @Test
  void othersMayNotChangeTheLibrary() {
    String key = uniqueKey();
    assertThat(api.as("rita").post("/api/clauses", clause(key, "Text")).status()).isEqualTo(403);
    assertThat(api.as("audrey").post("/api/clauses", clause(key, "Text")).status()).isEqualTo(403);
    assertThat(
            api.as("rita")
                .post(
                    "/api/clauses/confidentiality/versions",
                    JSON.createObjectNode().put("text", "Mine now"))
                .status())
        .isEqualTo(403);
    assertThat(api.as("admin").get("/api/clauses/" + key).status()).isEqualTo(404);
  }

  @Test
  void invalidClausesAreProblems() {
    Api.Response badKey = api.as("admin").post("/api/clauses", clause("Not A Key!", "Text"));
    assertThat(badKey.status()).isEqualTo(400);
    assertThat(badKey.json().get("type").asText()).isEqualTo("urn:contractflow:problem:validation");
    assertThat(badKey.json().get("errors").findValuesAsText("field")).containsExactly("key");

    Api.Response blank = api.as("admin").post("/api/clauses", clause(uniqueKey(), " "));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().get("errors").findValuesAsText("field")).containsExactly("text");

    Api.Response nested =
        api.as("admin")
            .post("/api/clauses", clause(uniqueKey(), "See {{clause:confidentiality}}."));
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.json().get("errors").findValuesAsText("field")).containsExactly("text");

    Api.Response stray =
        api.as("admin").post("/api/clauses", clause(uniqueKey(), "Broken {{counterparty.name"));
    assertThat(stray.status()).isEqualTo(400);
  }
}
