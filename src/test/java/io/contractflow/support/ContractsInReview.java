package io.contractflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Contracts brought into review over the API, and the review tasks that come of it, for tests of
 * the task views.
 */
public final class ContractsInReview {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private ContractsInReview() {}

  /**
   * Creates the draft as {@code owner} from {@code body}, gives it a document and submits it; its
   * id.
   */
  public static String submit(Api api, String owner, ObjectNode body) {
    Api.Response created = api.as(owner).post("/api/contracts", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    Api.Response uploaded =
        api.as(owner)
            .upload(
                "/api/contracts/" + id + "/documents",
                "contract.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> process(api, owner, id).get("phase").asText(), "Drafting"::equals);
    Api.Response submitted =
        api.as(owner)
            .post(
                "/api/contracts/" + id + "/submit",
                JSON.createObjectNode()
                    .put("nonStandardTerms", false)
                    .put("comment", "ready for review"));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
    return id;
  }

  /** The id of {@code user}'s open task on the contract, waiting for it to appear. */
  public static String awaitTask(Api api, String user, String contractId) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> openTask(api, user, contractId), Optional::isPresent)
        .orElseThrow();
  }

  /** The id of {@code user}'s open task on the contract, if there is one now. */
  public static Optional<String> openTask(Api api, String user, String contractId) {
    Api.Response tasks = api.as(user).get("/api/tasks?contractId=" + contractId);
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    return StreamSupport.stream(tasks.json().spliterator(), false)
        .filter(t -> t.get("contractId").asText().equals(contractId))
        .map(t -> t.get("id").asText())
        .findFirst();
  }

  /** The contract's status and phase as the process API reports them, e.g. {@code IN_REVIEW}. */
  public static JsonNode process(Api api, String user, String contractId) {
    Api.Response response = api.as(user).get("/api/contracts/" + contractId + "/process");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }
}
