package io.contractflow.signature.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A contract taken to signing through a vendor over the API, as its users would: rita drafts it
 * with a PDF, names two signers in order and the vendor, submits it; leo (legal) and fiona
 * (finance) approve. Then the vendor's stub and webhook take over.
 */
public abstract class EsignFlow extends IntegrationTest {

  protected static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired protected ManagementService management;
  @Autowired protected JdbcTemplate jdbc;

  protected final byte[] pdf = Corpus.sample("nda.pdf");

  /** A draft with a PDF and two sequential signers at {@code provider}; its id and reference. */
  protected record Draft(String id, String reference) {}

  protected Draft draftFor(String provider) {
    JsonNode contract = createContract("rita");
    String id = contract.get("id").asText();
    Api.Response upload =
        api.as("rita")
            .upload("/api/contracts/" + id + "/documents", "contract.pdf", Corpus.PDF, pdf);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    ObjectNode signers =
        JSON.createObjectNode().put("mode", "SEQUENTIAL").put("provider", provider);
    signers
        .putArray("signers")
        .add(
            JSON.createObjectNode()
                .put("name", "Ann Signer")
                .put("email", "ann@example.com")
                .put("order", 1))
        .add(
            JSON.createObjectNode()
                .put("name", "Bob Signer")
                .put("email", "bob@example.com")
                .put("order", 2));
    Api.Response set = api.as("rita").put("/api/contracts/" + id + "/signers", signers);
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().get("provider").asText()).isEqualTo(provider);
    return new Draft(id, contract.get("reference").asText());
  }

  /** Submits the draft; legal and finance approve it, so it goes out for signature. */
  protected void approve(String id) {
    awaitStatus(id, "DRAFT");
    Api.Response submitted =
        api.as("rita")
            .post(
                "/api/contracts/" + id + "/submit",
                JSON.createObjectNode().put("nonStandardTerms", false).put("comment", "ready"));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
    for (String approver : List.of("leo", "fiona")) {
      String task = ContractsInReview.awaitTask(api, approver, id);
      Api.Response done =
          api.as(approver)
              .post(
                  "/api/tasks/" + task + "/complete",
                  JSON.createObjectNode().put("decision", "APPROVE"));
      assertThat(done.status()).as(done.toString()).isEqualTo(204);
    }
  }

  protected String status(String id) {
    return api.as("rita").get("/api/contracts/" + id).json().get("status").asText();
  }

  /**
   * Waits for the contract's status; for SIGNING also until the vendor has sent it ({@link
   * #awaitSent}).
   */
  protected void awaitStatus(String id, String status) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status(id), status::equals);
    if (status.equals("SIGNING")) {
      awaitSent(id);
    }
  }

  /**
   * Waits until the signing process waits for the signatures, that is the vendor has sent the
   * envelope. A look at a vendor still processing the document that waits for its timer ("Vendor
   * still processing") is run at once, as the job executor would at its due date.
   */
  protected void awaitSent(String id) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              management.createJobQuery().activityId("Event_VendorProcessing").list().stream()
                  .filter(j -> businessKey(j).equals(id))
                  .forEach(j -> runJob(j.getId()));
              return waitingForSignatures(id);
            });
  }

  /** Whether the contract's signing process waits at "Await signatures". */
  protected boolean waitingForSignatures(String id) {
    return jdbc.queryForObject(
            "select count(*) from act_ru_event_subscr s join act_ru_execution p"
                + " on p.id_ = s.proc_inst_id_ where p.business_key_ = ? and s.event_name_ = 'SigningCompleted'",
            Integer.class,
            id)
        > 0;
  }

  protected JsonNode signing(String id) {
    Api.Response response = api.as("rita").get("/api/contracts/" + id + "/signing");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** The contract's document versions, newest first. */
  protected List<JsonNode> versions(String id) {
    return StreamSupport.stream(
            api.as("rita").get("/api/contracts/" + id + "/documents").json().spliterator(), false)
        .toList();
  }

  protected byte[] content(String id, int version) {
    Api.BinaryResponse response =
        api.as("rita").download("/api/contracts/" + id + "/documents/" + version + "/content");
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  /** The job of the contract's process waiting at {@code activityId}. */
  protected Job awaitJob(String id, String activityId) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                management.createJobQuery().activityId(activityId).list().stream()
                    .filter(j -> businessKey(j).equals(id))
                    .findFirst()
                    .orElse(null),
            j -> j != null);
  }

  /** Waits until the job has failed once (the job executor ran it), and returns it. */
  protected Job awaitFailure(String id, String activityId) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Job job = awaitJob(id, activityId);
              return job.getExceptionMessage() != null ? job : null;
            },
            j -> j != null);
  }

  private String businessKey(Job job) {
    return jdbc.queryForObject(
        "select business_key_ from act_ru_execution where id_ = ?",
        String.class,
        job.getProcessInstanceId());
  }

  /**
   * Runs a job now, as the job executor would, and swallows its failure (the engine records it on
   * the job).
   */
  protected void runJob(String jobId) {
    try {
      management.executeJob(jobId);
    } catch (RuntimeException failedAsExpected) {
      // the failure decremented the job's retries
    }
  }

  protected Api.Response webhook(String provider, String body, String... headers) {
    Api.Call call = api.anonymous();
    for (int i = 0; i < headers.length; i += 2) {
      call = call.header(headers[i], headers[i + 1]);
    }
    return call.send("POST", "/api/webhooks/esign/" + provider, body, "application/json");
  }
}
