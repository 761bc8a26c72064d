package io.contractflow.signature.vendor.pandadoc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.contractflow.signature.SignatureProvider.EnvelopeState;
import io.contractflow.signature.VendorStatusPoller;
import io.contractflow.signature.vendor.EsignFlow;
import io.contractflow.signature.vendor.Hmac;
import io.contractflow.signature.vendor.VendorHttp;
import io.contractflow.support.Api;
import io.contractflow.support.VendorStubs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PandaDoc end to end against a WireMock stub built from the API v1 reference (documents from a PDF
 * upload, status, send, details, download, download-protected) and its webhooks (an array of
 * events, signed with the {@code signature} query parameter).
 */
class PandaDocIT extends EsignFlow {

  private static final String API = "/pandadoc/public/v1";

  @Autowired VendorStatusPoller poller;

  private final WireMockServer stub = VendorStubs.server();
  private final byte[] signedPdf = VendorStubs.pdf("Signed through PandaDoc");
  private final byte[] sealedPdf = VendorStubs.pdf("PandaDoc e-vault copy");

  /** The document for this contract: uploaded, processed (draft) on the second look, sent. */
  private String documentFor(String reference) {
    String id = "msFYActMfJHq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    stub.stubFor(
        post(API + "/documents")
            .withRequestBody(containing(reference))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\""
                            + id
                            + "\",\"name\":\""
                            + reference
                            + "\",\"status\":\"document.uploaded\"}")));
    stub.stubFor(
        get(API + "/documents/" + id)
            .inScenario(id)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"id\":\"" + id + "\",\"status\":\"document.uploaded\"}"))
            .willSetStateTo("processed"));
    stub.stubFor(
        get(API + "/documents/" + id)
            .inScenario(id)
            .whenScenarioStateIs("processed")
            .willReturn(okJson("{\"id\":\"" + id + "\",\"status\":\"document.draft\"}")));
    stub.stubFor(
        post(API + "/documents/" + id + "/send")
            .willReturn(okJson("{\"id\":\"" + id + "\",\"status\":\"document.sent\"}")));
    stub.stubFor(
        get(API + "/documents/" + id + "/download")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(signedPdf)));
    stub.stubFor(
        get(API + "/documents/" + id + "/download-protected")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(sealedPdf)));
    return id;
  }

  private static String recipients(boolean ann, boolean bob) {
    return "[{\"email\":\"ann@example.com\",\"first_name\":\"Ann\",\"last_name\":\"Signer\",\"recipient_type\":\"signer\","
        + "\"has_completed\":"
        + ann
        + ",\"signing_order\":1},{\"email\":\"bob@example.com\",\"first_name\":\"Bob\","
        + "\"last_name\":\"Signer\",\"recipient_type\":\"signer\",\"has_completed\":"
        + bob
        + ",\"signing_order\":2}]";
  }

  private static String event(
      String event, String id, String status, boolean ann, boolean bob, String modified) {
    return "{\"event\":\""
        + event
        + "\",\"data\":{\"id\":\""
        + id
        + "\",\"name\":\"Contract\",\"status\":\""
        + status
        + "\",\"date_created\":\"2026-11-26T01:00:00.000000Z\",\"date_modified\":\""
        + modified
        + "\","
        + "\"recipients\":"
        + recipients(ann, bob)
        + "}}";
  }

  private Api.Response deliver(String body, String signature, String deliveryId) {
    Api.Call call = api.anonymous();
    if (deliveryId != null) {
      call = call.header("X-PandaDoc-Webhook-Event-Id", deliveryId);
    }
    return call.send(
        "POST",
        "/api/webhooks/esign/pandadoc" + (signature == null ? "" : "?signature=" + signature),
        body,
        "application/json");
  }

  private static String sign(String key, String body) {
    return HexFormat.of().formatHex(Hmac.sha256(key, body.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertUnauthorized(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aContractGoesFromApprovedToSignedThroughPandaDoc() throws Exception {
    Draft draft = draftFor("pandadoc");
    String id = documentFor(draft.reference());
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    LoggedRequest created =
        stub.findAll(
                postRequestedFor(urlPathEqualTo(API + "/documents"))
                    .withRequestBody(containing(draft.reference())))
            .get(0);
    assertThat(created.getHeader("Authorization"))
        .isEqualTo("API-Key " + VendorStubs.PANDADOC_API_KEY);
    assertThat(created.getHeader("Content-Type")).startsWith("multipart/form-data");
    JsonNode data = JSON.readTree(created.getPart("data").getBody().asString());
    assertThat(data.at("/recipients/0/email").asText()).isEqualTo("ann@example.com");
    assertThat(data.at("/recipients/0/signing_order").asInt()).isEqualTo(1);
    assertThat(data.at("/recipients/1/signing_order").asInt()).isEqualTo(2);
    assertThat(data.at("/metadata/contractflowRequestId").asText())
        .isEqualTo(signing(draft.id()).get("requestId").asText());
    assertThat(created.getPart("file").getBody().asBytes()).isEqualTo(pdf);
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(API + "/documents/" + id + "/send"))))
        .hasSize(1);

    // forged or unsigned: 401, nothing recorded
    String done =
        "["
            + event("recipient_completed", id, "document.sent", true, false, "2026-11-26T01:05:00Z")
            + ","
            + event(
                "document_state_changed",
                id,
                "document.completed",
                true,
                true,
                "2026-11-26T01:06:00Z")
            + "]";
    assertUnauthorized(deliver(done, null, "forged-1"));
    assertUnauthorized(deliver(done, sign("guessed", done), "forged-2"));
    assertUnauthorized(deliver(done, "zz-not-hex", "forged-3"));
    assertUnauthorized(
        deliver(
            done.replace("document.sent", "document.viewed"),
            sign(VendorStubs.PANDADOC_SHARED_KEY, done),
            "forged-4"));
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.esign_event where envelope_id = ?",
                Integer.class,
                id))
        .isZero();

    // one delivery, two events: Ann signed, then the document completed
    Api.Response delivered = deliver(done, sign(VendorStubs.PANDADOC_SHARED_KEY, done), "d-" + id);
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
    assertThat(delivered.json().get("received").asInt()).isEqualTo(2);
    assertThat(delivered.json().get("applied").asInt()).isEqualTo(2);
    awaitStatus(draft.id(), "ACTIVE");
    List<JsonNode> versions = versions(draft.id());
    assertThat(content(draft.id(), versions.get(0).get("version").asInt())).isEqualTo(signedPdf);
    assertThat(content(draft.id(), versions.get(1).get("version").asInt())).isEqualTo(sealedPdf);
    assertThat(versions.get(1).get("fileName").asText())
        .isEqualTo(draft.reference() + "-certificate.pdf");

    // redelivered (same delivery id): both duplicates
    Api.Response again = deliver(done, sign(VendorStubs.PANDADOC_SHARED_KEY, done), "d-" + id);
    assertThat(again.json().get("duplicates").asInt()).isEqualTo(2);
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void aDocumentPandaDocIsStillProcessingIsSentAtALaterLookWhileNoJobWaits() {
    Draft draft = draftFor("pandadoc");
    String id = documentFor(draft.reference());
    // PandaDoc takes its time: the document stays uploaded, look after look
    StubMapping processing =
        stub.stubFor(
            get(API + "/documents/" + id)
                .atPriority(1)
                .willReturn(okJson("{\"id\":\"" + id + "\",\"status\":\"document.uploaded\"}")));
    approve(draft.id());

    // the process waits at a timer, not in a job: nothing runs or is locked for it, and nothing
    // failed
    Job look = awaitJob(draft.id(), "Event_VendorProcessing");
    assertThat(management.createJobQuery().jobId(look.getId()).timers().count()).isOne();
    assertThat(look.getExceptionMessage()).isNull();
    assertThat(look.getDuedate()).isNotNull();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_"
                    + " where p.business_key_ = ? and j.lock_owner_ is not null",
                Integer.class,
                draft.id()))
        .isZero();
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(API + "/documents/" + id + "/send"))))
        .isEmpty();

    // its due date comes: another look, still processing, another timer
    runJob(look.getId());
    Job next = awaitJob(draft.id(), "Event_VendorProcessing");
    assertThat(next.getId()).isNotEqualTo(look.getId());
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(API + "/documents/" + id + "/send"))))
        .isEmpty();

    // PandaDoc has processed it: the next look sends it, once
    stub.removeStub(processing);
    awaitSent(draft.id());
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(API + "/documents/" + id + "/send"))))
        .hasSize(1);
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void aDeclinedDocumentReturnsTheContractToDraft() {
    Draft draft = draftFor("pandadoc");
    String id = documentFor(draft.reference());
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    String declined =
        "["
            + event(
                "document_state_changed",
                id,
                "document.declined",
                false,
                false,
                "2026-11-26T01:07:00Z")
            + "]";
    assertThat(
            deliver(declined, sign(VendorStubs.PANDADOC_SHARED_KEY, declined), null)
                .json()
                .get("applied")
                .asInt())
        .isEqualTo(1);
    awaitStatus(draft.id(), "DRAFT");
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("DECLINED");
    // without a delivery id, the same event is still recognised
    assertThat(
            deliver(declined, sign(VendorStubs.PANDADOC_SHARED_KEY, declined), null)
                .json()
                .get("duplicates")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void aPandaDocOutageOnSendBecomesRetriesThenAnIncidentAndTheContractIsKept() {
    Draft draft = draftFor("pandadoc");
    stub.stubFor(
        post(API + "/documents")
            .withRequestBody(containing(draft.reference()))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"type\":\"service_unavailable\",\"detail\":\"Try again later\"}")));
    approve(draft.id());

    Job failed = awaitFailure(draft.id(), "Task_SendForSignature");
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).contains("503");
    assertThat(status(draft.id())).as("the send rolled back").isEqualTo("APPROVED");
    runJob(failed.getId());
    runJob(failed.getId());
    assertThat(management.createJobQuery().jobId(failed.getId()).singleResult().getRetries())
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_ru_incident where job_def_id_ = ? and configuration_ = ?",
                Integer.class,
                failed.getJobDefinitionId(),
                failed.getId()))
        .as("an incident for Cockpit")
        .isEqualTo(1);
    assertThat(status(draft.id())).isEqualTo("APPROVED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.signing_request where contract_id = ?::uuid",
                Integer.class,
                draft.id()))
        .as("no request left behind")
        .isZero();

    // PandaDoc is back; an operator retries the job (Cockpit: "Increment retries")
    documentFor(draft.reference());
    management.setJobRetries(failed.getId(), 1);
    management.executeJob(failed.getId());
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(signing(draft.id()).get("provider").asText()).isEqualTo("pandadoc");
  }

  @Test
  void aReadTimeoutOnTheSealedCopyBecomesARetryAndTheContractIsSignedAfterwards() {
    Draft draft = draftFor("pandadoc");
    String id = documentFor(draft.reference());
    stub.stubFor(
        get(API + "/documents/" + id + "/download-protected")
            .willReturn(
                aResponse()
                    .withFixedDelay(7000)
                    .withHeader("Content-Type", "application/pdf")
                    .withBody(sealedPdf)));
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    // no webhook: the poll finds the document completed
    stub.stubFor(
        get(API + "/documents/" + id + "/details")
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + id
                        + "\",\"name\":\"Contract\",\"status\":\"document.completed\",\"recipients\":"
                        + recipients(true, true)
                        + "}")));
    poller.pollOnce();
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("COMPLETED");

    Job failed = awaitFailure(draft.id(), "Task_SealSignedDocument");
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).as("the read timed out").contains("I/O error on GET");
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(versions(draft.id())).as("nothing stored by the failed step").hasSize(1);

    stub.stubFor(
        get(API + "/documents/" + id + "/download-protected")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(sealedPdf)));
    management.executeJob(failed.getId());
    awaitStatus(draft.id(), "ACTIVE");
    assertThat(versions(draft.id())).hasSize(3);
  }

  @Test
  void withOAuthARefusedTokenIsRenewedOnceAndTheCallRepeated() {
    // the shared platform uses an API key; OAuth is checked on a session of its own against the
    // same stub
    String base = "/pandadoc-oauth";
    PandaDocProperties properties =
        new PandaDocProperties(
            true,
            URI.create(VendorStubs.baseUrl() + base),
            null,
            "it-pd-client",
            "it-pd-secret",
            "it-pd-refresh",
            null,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    PandaDocSignatureProvider pandaDoc =
        new PandaDocSignatureProvider(
            new PandaDocSession(
                properties,
                VendorHttp.client(properties.connectTimeout(), properties.readTimeout()),
                Clock.systemUTC()));
    stub.stubFor(
        post(base + "/oauth2/access_token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"pd-token-1\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":31535999,\"refresh_token\":\"it-pd-refresh\",\"scope\":\"read+write\"}")));
    String id = "msFYActMfJHq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String path = base + "/public/v1/documents/" + id + "/details";
    stub.stubFor(
        get(path)
            .withHeader("Authorization", equalTo("Bearer pd-token-1"))
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + id
                        + "\",\"status\":\"document.sent\",\"recipients\":"
                        + recipients(false, false)
                        + "}")));
    assertThat(pandaDoc.status(id).state()).isEqualTo(EnvelopeState.SENT);
    LoggedRequest grant =
        stub.findAll(postRequestedFor(urlPathEqualTo(base + "/oauth2/access_token"))).get(0);
    assertThat(grant.getBodyAsString())
        .contains("grant_type=refresh_token", "refresh_token=it-pd-refresh");

    // PandaDoc now refuses the first token: renewed once, the call repeated
    stub.stubFor(
        post(base + "/oauth2/access_token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"pd-token-2\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":31535999,\"refresh_token\":\"it-pd-refresh\"}")));
    stub.stubFor(
        get(path)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"type\":\"authentication_error\",\"detail\":\"Authentication credentials were not provided.\"}")));
    stub.stubFor(
        get(path)
            .withHeader("Authorization", equalTo("Bearer pd-token-2"))
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + id
                        + "\",\"status\":\"document.completed\",\"recipients\":"
                        + recipients(true, true)
                        + "}")));

    assertThat(pandaDoc.status(id).state()).isEqualTo(EnvelopeState.COMPLETED);
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(base + "/oauth2/access_token"))))
        .hasSize(2);
    assertThat(
            stub.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(path))))
        .extracting(r -> r.getHeader("Authorization"))
        .containsExactly("Bearer pd-token-1", "Bearer pd-token-1", "Bearer pd-token-2");
    assertThat(pandaDoc.status(id).state()).isEqualTo(EnvelopeState.COMPLETED);
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(base + "/oauth2/access_token"))))
        .as("the new token is kept")
        .hasSize(2);
  }
}
