package io.contractflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A bulk import over HTTP: a ZIP of five files (a PDF with its facts in the CSV, a DOCX without, a
 * contract that ended last month, the first file again under another name, a damaged PDF) with a
 * CSV. Each good file becomes one draft waiting for its owner's verification; the copy is a
 * duplicate of the first, the damaged file fails with the upload check's reason. Verified, the
 * active ones join the lifecycle at its active term (the renewal timer planned from the CSV's
 * dates), the ended one is EXPIRED at once; importing the same ZIP again makes no new contract.
 */
class ImportIT extends IntegrationTest {

  static final String ZIP = "application/zip";

  record Batch(byte[] zip, byte[] csv) {}

  private Batch folder(String tag) {
    LocalDate today = today();
    byte[] active =
        ContractFiles.pdf("Master services agreement " + tag, "Signed by both parties.");
    byte[] evergreen =
        ContractFiles.docx("Consulting agreement " + tag, "It runs until either party ends it.");
    byte[] ended = ContractFiles.pdf("Lease " + tag, "It ended last month.");
    var entries = ContractFiles.entries();
    entries.put("contracts/msa.pdf", active);
    entries.put("contracts/consulting.docx", evergreen);
    entries.put("old/lease.pdf", ended);
    entries.put("copies/msa-copy.pdf", active);
    entries.put(
        "damaged.pdf", ("%PDF-1.7\n" + tag + " not really a PDF").getBytes(StandardCharsets.UTF_8));
    String csv =
        "file,title,type,counterparty,effectiveDate,endDate,autoRenewal,renewalTerm,noticePeriod,value,currency,owner\n"
            + "contracts/msa.pdf,MSA "
            + tag
            + ",MSA,Acme "
            + tag
            + ","
            + today.minusDays(30)
            + ","
            + today.plusDays(400)
            + ",yes,12,P30D,\"12,000.00\",usd,rita\n"
            + "lease.pdf,Lease "
            + tag
            + ",LEASE,Landlord "
            + tag
            + ","
            + today.minusYears(2)
            + ","
            + today.minusDays(30)
            + ",no,,,500,EUR,rita\n";
    return new Batch(ContractFiles.zip(entries), csv.getBytes(StandardCharsets.UTF_8));
  }

  private Api.Response upload(String user, Batch batch) {
    List<Api.Part> parts = new ArrayList<>();
    parts.add(new Api.Part("archive", "folder.zip", ZIP, batch.zip()));
    if (batch.csv() != null) {
      parts.add(new Api.Part("facts", "facts.csv", "text/csv", batch.csv()));
    }
    return api.as(user).multipart("/api/imports", parts);
  }

  private JsonNode awaitDone(String user, String importId) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> api.as(user).get("/api/imports/" + importId).json(),
            view -> view.get("done").asInt() == view.get("total").asInt());
  }

  private static Map<String, JsonNode> byName(JsonNode view) {
    Map<String, JsonNode> files = new HashMap<>();
    view.get("files").forEach(f -> files.put(f.get("fileName").asText(), f));
    return files;
  }

  private String verifyTask(String user, String contractId) {
    JsonNode process = api.as(user).get("/api/contracts/" + contractId + "/process").json();
    return StreamSupport.stream(process.get("openTasks").spliterator(), false)
        .filter(t -> "verify-imported-contract".equals(t.path("role").asText()))
        .map(t -> t.get("id").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no verify task: " + process));
  }

  private JsonNode awaitStatus(String user, String contractId, String status) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> api.as(user).get("/api/contracts/" + contractId).json(),
            c -> status.equals(c.get("status").asText()));
  }

  @Test
  void aFolderOfSignedContractsBecomesVerifiedContractsInTheirLifecycle() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Batch batch = folder(tag);

    Api.Response started = upload("admin", batch);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    assertThat(started.headers().firstValue("Location")).isPresent();
    String importId = started.json().get("id").asText();
    assertThat(started.json().get("total").asInt()).isEqualTo(5);

    JsonNode done = awaitDone("admin", importId);
    Map<String, JsonNode> files = byName(done);
    assertThat(files.get("contracts/msa.pdf").get("status").asText())
        .isEqualTo("AWAITING_VERIFICATION");
    assertThat(files.get("contracts/consulting.docx").get("status").asText())
        .isEqualTo("AWAITING_VERIFICATION");
    assertThat(files.get("old/lease.pdf").get("status").asText())
        .isEqualTo("AWAITING_VERIFICATION");
    assertThat(files.get("copies/msa-copy.pdf").get("status").asText()).isEqualTo("DUPLICATE");
    assertThat(files.get("copies/msa-copy.pdf").get("contractId").asText())
        .isEqualTo(files.get("contracts/msa.pdf").get("contractId").asText());
    assertThat(files.get("damaged.pdf").get("status").asText()).isEqualTo("FAILED");
    assertThat(files.get("damaged.pdf").get("failure").asText()).containsIgnoringCase("PDF");
    assertThat(files.get("damaged.pdf").get("retryable").asBoolean()).isFalse();

    // the draft holds the CSV's facts and the file as its document; it is rita's (the CSV's owner)
    String msa = files.get("contracts/msa.pdf").get("contractId").asText();
    JsonNode draft = api.as("rita").get("/api/contracts/" + msa).json();
    assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
    assertThat(draft.get("owner").asText()).isEqualTo("rita");
    assertThat(draft.get("title").asText()).isEqualTo("MSA " + tag);
    assertThat(draft.get("endDate").asText()).isEqualTo(today().plusDays(400).toString());
    assertThat(draft.get("value").get("currency").asText()).isEqualTo("USD");
    assertThat(draft.get("renewal").get("noticePeriodDays").asInt()).isEqualTo(30);
    JsonNode documents = api.as("rita").get("/api/contracts/" + msa + "/documents").json();
    assertThat(documents).hasSize(1);
    assertThat(documents.get(0).get("fileName").asText()).isEqualTo("msa.pdf");

    // the owner's verify task shows each fact with where it was found
    String task = verifyTask("rita", msa);
    JsonNode form = api.as("rita").get("/api/tasks/" + task + "/form/variables").json();
    assertThat(form.get("importedEndDate").asText()).isEqualTo(today().plusDays(400).toString());
    assertThat(form.get("importedEndDateFound").asText()).contains("CSV row 2");
    assertThat(form.get("importedEndDateConfirmed").asBoolean()).isTrue();
    assertThat(form.get("importedCounterparty").asText()).isEqualTo("Acme " + tag);

    // a stranger can neither see the import nor work the task
    assertThat(api.as("ravi").get("/api/imports/" + importId).status()).isEqualTo(404);
    assertThat(
            api.as("ravi")
                .post("/api/tasks/" + task + "/complete", JSON.createObjectNode())
                .status())
        .isIn(403, 404);

    // rita corrects the value and confirms: ACTIVE, in the lifecycle's active term with its timer
    var values = JSON.createObjectNode();
    // (the API takes a checkbox left out as unticked: the form sends them all)
    values.putObject("values").put("importedValue", "12500.00").put("importedAutoRenew", true);
    Api.Response completed = api.as("rita").post("/api/tasks/" + task + "/complete", values);
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
    JsonNode active = awaitStatus("rita", msa, "ACTIVE");
    assertThat(active.get("value").get("amount").decimalValue()).isEqualByComparingTo("12500");
    assertThat(active.get("renewal").get("autoRenew").asBoolean()).isTrue();
    JsonNode process =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.as("rita").get("/api/contracts/" + msa + "/process").json(),
                p -> p.get("waitingAt").toString().contains("Renewal decision due"));
    assertThat(process.get("phase").asText()).isEqualTo("Active term");
    JsonNode history = api.as("rita").get("/api/contracts/" + msa + "/history").json();
    assertThat(history.toString()).contains("imported for rita").contains("verified by rita");

    // the admin accepts the rest in bulk (their facts are certain or defaults): the ended one
    // expires at once, the evergreen one is active until terminated
    Api.Response accepted =
        api.as("admin").post("/api/imports/" + importId + "/accept-confident", null);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().get("accepted").asInt()).isEqualTo(2);
    String lease = files.get("old/lease.pdf").get("contractId").asText();
    awaitStatus("admin", lease, "EXPIRED");
    assertThat(api.as("admin").get("/api/contracts/" + lease + "/history").json().toString())
        .contains("imported after its end date");
    String consulting = files.get("contracts/consulting.docx").get("contractId").asText();
    JsonNode evergreen = awaitStatus("admin", consulting, "ACTIVE");
    assertThat(evergreen.get("endDate").isNull()).isTrue();
    assertThat(evergreen.get("type").asText()).isEqualTo("OTHER");

    JsonNode finished = api.as("admin").get("/api/imports/" + importId).json();
    assertThat(byName(finished).get("old/lease.pdf").get("status").asText()).isEqualTo("EXPIRED");
    assertThat(byName(finished).get("contracts/msa.pdf").get("status").asText())
        .isEqualTo("ACTIVE");

    // the same folder again: no new contract
    Api.Response again = upload("admin", batch);
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    Map<String, JsonNode> second = byName(awaitDone("admin", again.json().get("id").asText()));
    assertThat(second.get("contracts/msa.pdf").get("status").asText()).isEqualTo("DUPLICATE");
    assertThat(second.get("contracts/msa.pdf").get("contractId").asText()).isEqualTo(msa);
    assertThat(second.get("old/lease.pdf").get("contractId").asText()).isEqualTo(lease);

    assertThat(api.as("admin").get("/api/imports").json().toString()).contains(importId);
    assertThat(api.as("rita").get("/api/imports").json().toString()).doesNotContain(importId);
  }

  @Test
  void aLowConfidenceDefaultNeedsNoConfirmationButAnInconsistentCorrectionIsRefused() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    var entries = ContractFiles.entries();
    entries.put("nda.pdf", ContractFiles.pdf("Mutual NDA " + tag));
    Api.Response started = upload("rita", new Batch(ContractFiles.zip(entries), null));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    JsonNode done = awaitDone("rita", started.json().get("id").asText());
    String contract = done.get("files").get(0).get("contractId").asText();
    assertThat(api.as("rita").get("/api/contracts/" + contract).json().get("owner").asText())
        .isEqualTo("rita");
    String task = verifyTask("rita", contract);

    var values = JSON.createObjectNode();
    values
        .putObject("values")
        .put("importedStartDate", today().toString())
        .put("importedEndDate", today().minusDays(1).toString());
    Api.Response refused = api.as("rita").post("/api/tasks/" + task + "/complete", values);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.body()).contains("endDate");

    // a requester may not accept in bulk
    assertThat(
            api.as("rita")
                .post(
                    "/api/imports/" + started.json().get("id").asText() + "/accept-confident", null)
                .status())
        .isEqualTo(403);
  }
}
