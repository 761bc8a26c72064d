package io.contractflow.signature.vendor.rightsignature;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.contractflow.signature.SignatureProvider.EnvelopeState;
import io.contractflow.signature.VendorStatusPoller;
import io.contractflow.signature.vendor.EsignFlow;
import io.contractflow.signature.vendor.VendorHttp;
import io.contractflow.support.Api;
import io.contractflow.support.VendorStubs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * RightSignature end to end against a WireMock stub built from the API v1 reference (sending
 * requests with an upload URL, {@code /uploaded}, the sending request's status, documents, void,
 * OAuth tokens) and its callbacks, which carry nothing but our per-request token in the URL: the
 * document is always re-read.
 */
class RightSignatureIT extends EsignFlow {

  private static final String API = "/rightsignature/public/v1";
  private static final String CALLBACK = "/api/webhooks/esign/rightsignature/";

  @Autowired VendorStatusPoller poller;

  private final WireMockServer stub = VendorStubs.server();
  private final byte[] signedPdf = VendorStubs.pdf("Executed through RightSignature");
  private final byte[] auditPdf = VendorStubs.pdf("RightSignature audit trail");

  /**
   * The contract's sending request (matched by its reference): uploaded, processed on the second
   * look into a document, which is pending with nobody signed. Returns the document's id.
   */
  private String documentFor(String reference) {
    String sendingRequest = UUID.randomUUID().toString();
    String documentId = UUID.randomUUID().toString();
    String upload = "/rightsignature-files/sending_requests/" + sendingRequest + "/contract.pdf";
    stub.stubFor(
        post(API + "/sending_requests")
            .withRequestBody(containing(reference))
            .willReturn(
                okJson(
                    "{\"sending_request\":{\"id\":\""
                        + sendingRequest
                        + "\",\"upload_url\":\""
                        + VendorStubs.baseUrl()
                        + upload
                        + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=9016aea2%2Fd7&x-amz-acl=private\","
                        + "\"document_template_id\":null,\"created_at\":\"2026-11-26T01:00:00.000-08:00\"}}")));
    stub.stubFor(put(urlPathEqualTo(upload)).willReturn(aResponse().withStatus(200)));
    stub.stubFor(
        post(API + "/sending_requests/" + sendingRequest + "/uploaded")
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + sendingRequest
                        + "\",\"status\":\"processing\",\"status_message\":null}")));
    stub.stubFor(
        get(API + "/sending_requests/" + sendingRequest)
            .inScenario(sendingRequest)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("processed")
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + sendingRequest
                        + "\",\"status\":\"processing\",\"status_message\":null}")));
    stub.stubFor(
        get(API + "/sending_requests/" + sendingRequest)
            .inScenario(sendingRequest)
            .whenScenarioStateIs("processed")
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + sendingRequest
                        + "\",\"status\":\"completed\","
                        + "\"status_message\":null,\"document_id\":\""
                        + documentId
                        + "\"}")));
    stub.stubFor(
        get(urlPathEqualTo("/rightsignature-files/documents/" + documentId + "/signed.pdf"))
            .withQueryParam("X-Amz-Signature", equalTo("s1/gn"))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(signedPdf)));
    stub.stubFor(
        get(urlPathEqualTo("/rightsignature-files/documents/" + documentId + "/audit.pdf"))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(auditPdf)));
    documentIs(documentId, "pending", "pending", "pending", null);
    return documentId;
  }

  /** What {@code GET /documents/{id}} answers from now on. */
  private void documentIs(
      String documentId, String state, String ann, String bob, String declineReason) {
    String files = VendorStubs.baseUrl() + "/rightsignature-files/documents/" + documentId;
    stub.stubFor(
        get(API + "/documents/" + documentId)
            .willReturn(
                okJson(
                    "{\"document\":{\"id\":\""
                        + documentId
                        + "\",\"name\":\"Contract\",\"filename\":\"contract.pdf\",\"state\":\""
                        + state
                        + "\","
                        + "\"sent_at\":\"2026-11-26T01:00:05.000-08:00\",\"expired_at\":\"2026-12-10T01:00:05.000-08:00\","
                        + "\"executed_at\":"
                        + ("executed".equals(state) ? "\"2026-11-26T01:20:00.000-08:00\"" : "null")
                        + ","
                        + "\"recipients\":["
                        + recipient("Ann Signer", "ann@example.com", 1, ann, null)
                        + ","
                        + recipient("Bob Signer", "bob@example.com", 2, bob, declineReason)
                        + "],"
                        + "\"signed_pdf_url\":"
                        + ("executed".equals(state)
                            ? "\"" + files + "/signed.pdf?X-Amz-Signature=s1%2Fgn\""
                            : "null")
                        + ",\"audit_trail_pdf_url\":\""
                        + files
                        + "/audit.pdf?X-Amz-Signature=a1\","
                        + "\"audits\":[{\"keyword\":\"created\",\"message\":\"Document created\",\"created_at\":\"2026-11-26T01:00:05.000-08:00\"}]"
                        + "}}")));
  }

  private static String recipient(
      String name, String email, int sequence, String status, String declineReason) {
    return "{\"name\":\""
        + name
        + "\",\"email\":\""
        + email
        + "\",\"role_type\":\"signer\",\"sequence\":"
        + sequence
        + ",\"status\":\""
        + status
        + "\""
        + ("signed".equals(status)
            ? ",\"viewed_at\":\"2026-11-26T01:04:00.000-08:00\",\"signed_at\":\"2026-11-26T01:05:00.000-08:00\""
            : "")
        + (declineReason == null
            ? ""
            : ",\"declined_at\":\"2026-11-26T01:06:00.000-08:00\",\"decline_reason\":\""
                + declineReason
                + "\"")
        + "}";
  }

  /**
   * RightSignature's callback body (what it says is never believed): the document and its state.
   */
  private static String callbackBody(String documentId, String state) {
    return "{\"callback_type\":\"Document\",\"event\":\""
        + state
        + "\",\"document\":{\"id\":\""
        + documentId
        + "\",\"state\":\""
        + state
        + "\"}}";
  }

  private Api.Response callback(String token, String body) {
    return api.anonymous().send("POST", CALLBACK + token, body, "application/json");
  }

  /**
   * The token at the end of the callback URL the platform sent with the contract's latest sending
   * request.
   */
  private String tokenSentFor(String reference) throws Exception {
    return tokensSentFor(reference).get(tokensSentFor(reference).size() - 1);
  }

  /** The tokens of every sending request for the contract, oldest first. */
  private List<String> tokensSentFor(String reference) throws Exception {
    List<LoggedRequest> sent =
        new java.util.ArrayList<>(
            stub.findAll(
                postRequestedFor(urlPathEqualTo(API + "/sending_requests"))
                    .withRequestBody(containing(reference))));
    sent.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
    List<String> tokens = new java.util.ArrayList<>();
    for (LoggedRequest created : sent) {
      tokens.add(token(created));
    }
    return tokens;
  }

  private String token(LoggedRequest created) throws Exception {
    String url = JSON.readTree(created.getBodyAsString()).at("/document/callback_url").asText();
    assertThat(url).startsWith("http://localhost:8080" + CALLBACK);
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static void assertUnauthorized(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  private int events(String documentId) {
    return jdbc.queryForObject(
        "select count(*) from contractflow.esign_event where provider = 'rightsignature'"
            + " and envelope_id = ?",
        Integer.class,
        documentId);
  }

  @Test
  void aContractGoesFromApprovedToSignedThroughRightSignatureWithItsAuditTrailStored()
      throws Exception {
    Draft draft = draftFor("rightsignature");
    String documentId = documentFor(draft.reference());
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");
    assertThat(signing(draft.id()).get("provider").asText()).isEqualTo("rightsignature");

    // the sending request: private token, roles in sequence, our callback URL; the PDF PUT to the
    // upload URL as is
    LoggedRequest created =
        stub.findAll(
                postRequestedFor(urlPathEqualTo(API + "/sending_requests"))
                    .withRequestBody(containing(draft.reference())))
            .get(0);
    assertThat(created.getHeader("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        VendorStubs.RIGHTSIGNATURE_PRIVATE_TOKEN.getBytes(StandardCharsets.UTF_8)));
    JsonNode document = JSON.readTree(created.getBodyAsString()).get("document");
    assertThat(document.get("signer_sequencing").asBoolean()).isTrue();
    assertThat(document.at("/roles/0/signer_email").asText()).isEqualTo("ann@example.com");
    assertThat(document.at("/roles/0/sequence").asInt()).isEqualTo(1);
    assertThat(document.at("/roles/1/signer_email").asText()).isEqualTo("bob@example.com");
    assertThat(document.at("/roles/1/sequence").asInt()).isEqualTo(2);
    assertThat(document.get("expires_in").asInt()).isEqualTo(14);
    LoggedRequest upload =
        stub
            .findAll(
                putRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlMatching(
                        "/rightsignature-files/sending_requests/.*")))
            .stream()
            .filter(r -> java.util.Arrays.equals(r.getBody(), pdf))
            .findFirst()
            .orElseThrow();
    assertThat(upload.getUrl()).contains("X-Amz-Signature=9016aea2%2Fd7");
    assertThat(upload.getHeader("Authorization")).as("no credentials to the storage link").isNull();

    // the token is stored only as its hash
    String token = tokenSentFor(draft.reference());
    String requestId = signing(draft.id()).get("requestId").asText();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.esign_callback_token where request_id = ?::uuid"
                    + " and envelope_id = ? and token_sha256 = ?",
                Integer.class,
                requestId,
                documentId,
                CallbackTokens.sha256(token)))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.esign_callback_token where"
                    + " encode(token_sha256, 'escape') like ?",
                Integer.class,
                "%" + token + "%"))
        .isZero();

    // a forged "executed": the token is right (say it leaked), but RightSignature says the document
    // is still pending
    Api.Response forged = callback(token, callbackBody(documentId, "executed"));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(200);
    assertThat(forged.json().get("applied").asInt()).isEqualTo(1);
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("OPEN");
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    // the same callback again, nothing new at RightSignature: a duplicate
    assertThat(
            callback(token, callbackBody(documentId, "executed")).json().get("duplicates").asInt())
        .isEqualTo(1);

    // Ann signs
    documentIs(documentId, "pending", "signed", "pending", null);
    Api.Response annSigned = callback(token, "");
    assertThat(annSigned.json().get("applied").asInt()).isEqualTo(1);
    assertThat(status(draft.id())).isEqualTo("SIGNING");

    // Bob signs: executed
    documentIs(documentId, "executed", "signed", "signed", null);
    assertThat(callback(token, callbackBody(documentId, "executed")).json().get("applied").asInt())
        .isEqualTo(1);
    awaitStatus(draft.id(), "ACTIVE");
    List<JsonNode> versions = versions(draft.id());
    assertThat(content(draft.id(), versions.get(0).get("version").asInt())).isEqualTo(signedPdf);
    assertThat(versions.get(0).get("fileName").asText())
        .isEqualTo(draft.reference() + "-signed.pdf");
    assertThat(content(draft.id(), versions.get(1).get("version").asInt())).isEqualTo(auditPdf);
    assertThat(versions.get(1).get("fileName").asText())
        .isEqualTo(draft.reference() + "-certificate.pdf");

    // late and repeated callbacks: a redelivery is a duplicate; an older state read back changes
    // nothing
    assertThat(
            callback(token, callbackBody(documentId, "executed")).json().get("duplicates").asInt())
        .isEqualTo(1);
    documentIs(documentId, "pending", "signed", "pending", null);
    assertThat(
            callback(token, callbackBody(documentId, "pending")).json().get("duplicates").asInt())
        .isEqualTo(1);
    documentIs(documentId, "pending", "viewed", "pending", null);
    assertThat(callback(token, "").json().get("unchanged").asInt()).isEqualTo(1);
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(status(draft.id())).isEqualTo("ACTIVE");
    assertThat(versions(draft.id())).hasSize(3);
  }

  @Test
  void forgedMissingAndOtherRequestsTokensAre401WithNoEffectThenADeclineReturnsTheContractToDraft()
      throws Exception {
    Draft first = draftFor("rightsignature");
    String firstDocument = documentFor(first.reference());
    approve(first.id());
    Draft second = draftFor("rightsignature");
    String secondDocument = documentFor(second.reference());
    approve(second.id());
    awaitStatus(first.id(), "SIGNING");
    awaitStatus(second.id(), "SIGNING");
    String firstToken = tokenSentFor(first.reference());
    String secondToken = tokenSentFor(second.reference());
    assertThat(firstToken).isNotEqualTo(secondToken).hasSizeGreaterThanOrEqualTo(43);

    // RightSignature says the first document is executed; forged calls about it must change nothing
    documentIs(firstDocument, "executed", "signed", "signed", null);
    String executed = callbackBody(firstDocument, "executed");
    assertUnauthorized(
        api.anonymous()
            .send("POST", "/api/webhooks/esign/rightsignature", executed, "application/json"));
    assertUnauthorized(callback("guessed-" + UUID.randomUUID(), executed));
    assertUnauthorized(
        callback(
            firstToken.substring(0, firstToken.length() - 1)
                + (firstToken.endsWith("A") ? "B" : "A"),
            executed));
    // the second request's (valid) token, with a body about the first document
    assertUnauthorized(callback(secondToken, executed));
    assertThat(events(firstDocument)).isZero();
    assertThat(events(secondDocument)).isZero();
    assertThat(status(first.id())).isEqualTo("SIGNING");
    assertThat(signing(first.id()).get("status").asText()).isEqualTo("OPEN");
    // the second request's token with no claim at all re-reads the second document only
    Api.Response second2 = callback(secondToken, "");
    assertThat(second2.status()).as(second2.toString()).isEqualTo(200);
    assertThat(events(firstDocument)).isZero();
    assertThat(status(first.id())).isEqualTo("SIGNING");
    assertThat(api.anonymous().send("GET", CALLBACK + secondToken, null, null).status())
        .isEqualTo(405);

    // Bob declines the second contract
    documentIs(secondDocument, "declined", "signed", "declined", "Wrong counterparty");
    assertThat(
            callback(secondToken, callbackBody(secondDocument, "declined"))
                .json()
                .get("applied")
                .asInt())
        .isEqualTo(1);
    awaitStatus(second.id(), "DRAFT");
    JsonNode signing = signing(second.id());
    assertThat(signing.get("status").asText()).isEqualTo("DECLINED");
    assertThat(signing.toString()).contains("Wrong counterparty");
  }

  @Test
  void cancellingTheContractVoidsTheDocumentAndAVoidAtRightSignatureReturnsTheContractToDraft()
      throws Exception {
    Draft draft = draftFor("rightsignature");
    String documentId = documentFor(draft.reference());
    stub.stubFor(
        post(API + "/documents/" + documentId + "/void")
            .willReturn(okJson("{\"document\":{\"status\":\"Voided document.\"}}")));
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");
    String token = tokenSentFor(draft.reference());

    Api.Response cancelled =
        api.as("rita")
            .post(
                "/api/contracts/" + draft.id() + "/cancel",
                JSON.createObjectNode().put("reason", "Deal fell through"));
    assertThat(cancelled.status()).as(cancelled.toString()).isBetween(200, 204);
    awaitStatus(draft.id(), "CANCELLED");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                !stub.findAll(
                        postRequestedFor(urlEqualTo(API + "/documents/" + documentId + "/void")))
                    .isEmpty());
    // the void is called before the step that records it commits
    await()
        .atMost(PATIENCE)
        .until(() -> signing(draft.id()).get("status").asText(), "CANCELLED"::equals);
    // RightSignature's callback about the void comes later: nothing left to change
    documentIs(documentId, "voided", "pending", "pending", null);
    assertThat(callback(token, callbackBody(documentId, "voided")).json().get("unchanged").asInt())
        .isEqualTo(1);

    // a document voided at RightSignature itself: the contract goes back to drafting
    Draft other = draftFor("rightsignature");
    String otherDocument = documentFor(other.reference());
    approve(other.id());
    awaitStatus(other.id(), "SIGNING");
    documentIs(otherDocument, "voided", "pending", "pending", null);
    assertThat(callback(tokenSentFor(other.reference()), "").json().get("applied").asInt())
        .isEqualTo(1);
    awaitStatus(other.id(), "DRAFT");
    assertThat(signing(other.id()).get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void aRightSignatureOutageOnSendBecomesRetriesThenAnIncidentAndTheContractIsKept()
      throws Exception {
    Draft draft = draftFor("rightsignature");
    stub.stubFor(
        post(API + "/sending_requests")
            .withRequestBody(containing(draft.reference()))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"Service Unavailable\"}")));
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

    // RightSignature is back; an operator retries the job (Cockpit: "Increment retries")
    String documentId = documentFor(draft.reference());
    management.setJobRetries(failed.getId(), 1);
    management.executeJob(failed.getId());
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(signing(draft.id()).get("provider").asText()).isEqualTo("rightsignature");
    awaitSent(draft.id()); // RightSignature has made the document: the request knows its id
    // only the committed send's token counts: one per request
    String requestId = signing(draft.id()).get("requestId").asText();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.esign_callback_token where request_id = ?::uuid",
                Integer.class,
                requestId))
        .isEqualTo(1);
    List<String> tokens = tokensSentFor(draft.reference());
    assertThat(tokens).hasSize(4).doesNotHaveDuplicates();
    documentIs(documentId, "pending", "signed", "pending", null);
    // the rolled-back sends' tokens were never stored
    for (String rolledBack : tokens.subList(0, 3)) {
      assertUnauthorized(callback(rolledBack, ""));
    }
    assertThat(events(documentId)).isZero();
    assertThat(callback(tokens.get(3), "").json().get("applied").asInt()).isEqualTo(1);
  }

  @Test
  void withoutACallbackThePollFindsTheExecutionAndADownloadTimeoutBecomesARetry() {
    Draft draft = draftFor("rightsignature");
    String documentId = documentFor(draft.reference());
    stub.stubFor(
        get(urlPathEqualTo("/rightsignature-files/documents/" + documentId + "/audit.pdf"))
            .willReturn(
                aResponse()
                    .withFixedDelay(7000)
                    .withHeader("Content-Type", "application/pdf")
                    .withBody(auditPdf)));
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    documentIs(documentId, "executed", "signed", "signed", null);
    poller.pollOnce();
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("COMPLETED");

    Job failed = awaitFailure(draft.id(), "Task_SealSignedDocument");
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).as("the read timed out").contains("I/O error on GET");
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(versions(draft.id())).as("nothing stored by the failed step").hasSize(1);

    stub.stubFor(
        get(urlPathEqualTo("/rightsignature-files/documents/" + documentId + "/audit.pdf"))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(auditPdf)));
    management.executeJob(failed.getId());
    awaitStatus(draft.id(), "ACTIVE");
    assertThat(versions(draft.id())).hasSize(3);
  }

  @Test
  void withOAuthTheTokenComesFromTheRefreshTokenAndARefusedOneIsRenewedOnce() {
    String auth = "/rightsignature-oauth";
    RightSignatureProperties properties =
        new RightSignatureProperties(
            true,
            URI.create(VendorStubs.baseUrl() + auth),
            null,
            "it-rs-client",
            "it-rs-secret",
            "it-rs-refresh-1",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    RightSignatureSignatureProvider provider =
        new RightSignatureSignatureProvider(
            new RightSignatureSession(
                properties,
                VendorHttp.client(properties.connectTimeout(), properties.readTimeout()),
                Clock.systemUTC()),
            null,
            URI.create("http://localhost:8080"),
            Clock.systemUTC());
    stub.stubFor(
        post(auth + "/oauth/token")
            .withRequestBody(containing("refresh_token=it-rs-refresh-1"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"rs-token-1\",\"token_type\":\"bearer\",\"expires_in\":7200,"
                        + "\"refresh_token\":\"it-rs-refresh-2\",\"scope\":\"read\",\"created_at\":1764118800}")));
    stub.stubFor(
        post(auth + "/oauth/token")
            .withRequestBody(containing("refresh_token=it-rs-refresh-2"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"rs-token-2\",\"token_type\":\"bearer\",\"expires_in\":7200,"
                        + "\"refresh_token\":\"it-rs-refresh-3\",\"scope\":\"read\",\"created_at\":1764118900}")));
    String documentId = UUID.randomUUID().toString();
    String path = auth + "/public/v1/documents/" + documentId;
    stub.stubFor(
        get(path)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_token\",\"error_description\":null}")));
    stub.stubFor(
        get(path)
            .withHeader("Authorization", equalTo("Bearer rs-token-1"))
            .inScenario(documentId)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                okJson(
                    "{\"document\":{\"id\":\""
                        + documentId
                        + "\",\"state\":\"pending\",\"recipients\":[]}}")));
    stub.stubFor(
        get(path)
            .withHeader("Authorization", equalTo("Bearer rs-token-2"))
            .willReturn(
                okJson(
                    "{\"document\":{\"id\":\""
                        + documentId
                        + "\",\"state\":\"executed\",\"recipients\":[]}}")));

    assertThat(provider.status(documentId).state()).isEqualTo(EnvelopeState.SENT);
    LoggedRequest grant =
        stub.findAll(postRequestedFor(urlPathEqualTo(auth + "/oauth/token"))).get(0);
    assertThat(grant.getBodyAsString())
        .contains(
            "grant_type=refresh_token", "client_id=it-rs-client", "client_secret=it-rs-secret");

    // RightSignature stops taking the first token: renewed with the newest refresh token, the call
    // repeated once
    stub.stubFor(
        get(path)
            .withHeader("Authorization", equalTo("Bearer rs-token-1"))
            .inScenario(documentId)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_token\"}")));
    assertThat(provider.status(documentId).state()).isEqualTo(EnvelopeState.COMPLETED);
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(auth + "/oauth/token")))).hasSize(2);
    assertThat(
            stub.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(path))))
        .extracting(r -> r.getHeader("Authorization"))
        .containsExactly("Bearer rs-token-1", "Bearer rs-token-1", "Bearer rs-token-2");
    // kept: no further grant
    assertThat(provider.status(documentId).state()).isEqualTo(EnvelopeState.COMPLETED);
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(auth + "/oauth/token")))).hasSize(2);
  }
}
