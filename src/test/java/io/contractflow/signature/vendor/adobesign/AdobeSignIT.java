package io.contractflow.signature.vendor.adobesign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.contractflow.signature.SignatureProvider.EnvelopeState;
import io.contractflow.signature.VendorStatusPoller;
import io.contractflow.signature.vendor.EsignFlow;
import io.contractflow.support.Api;
import io.contractflow.support.VendorStubs;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Adobe Acrobat Sign end to end against a WireMock stub built from the REST API v6 reference
 * (refresh-token flow at the api_access_point, baseUris, transientDocuments, agreements, members,
 * combinedDocument, auditTrail) and its webhook notifications: the client-id echo on the
 * verification GET and every POST, the agreement re-read before anything is applied.
 */
class AdobeSignIT extends EsignFlow {

  private static final String OAUTH = "/adobe-oauth";
  private static final String REST = "/adobe/api/rest/v6";
  private static final String CLIENT_ID_HEADER = "X-AdobeSign-ClientId";

  @Autowired AdobeSignSignatureProvider adobeSign;
  @Autowired VendorStatusPoller poller;

  private final WireMockServer stub = VendorStubs.server();
  private final byte[] signedPdf = VendorStubs.pdf("Signed through Acrobat Sign");
  private final byte[] auditPdf = VendorStubs.pdf("Acrobat Sign Audit Report");

  @BeforeEach
  void oauth() {
    stub.stubFor(
        post(OAUTH + "/oauth/v2/refresh")
            .willReturn(
                okJson(
                    "{\"access_token\":\"3AAABLblqZhA-it-access\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    stub.stubFor(
        get(OAUTH + "/api/rest/v6/baseUris")
            .willReturn(
                okJson(
                    "{\"apiAccessPoint\":\""
                        + VendorStubs.baseUrl()
                        + "/adobe/\",\"webAccessPoint\":\"https://secure.na1.adobesign.com/\"}")));
    stub.stubFor(
        post(REST + "/transientDocuments")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"transientDocumentId\":\"3AAABLblqZhB-transient\"}")));
  }

  private String agreementFor(String reference) {
    String agreementId = "CBJCHBCAABAA" + UUID.randomUUID().toString().replace("-", "");
    stub.stubFor(
        post(REST + "/agreements")
            .withRequestBody(containing(reference))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"" + agreementId + "\"}")));
    stub.stubFor(
        get(REST + "/agreements/" + agreementId + "/combinedDocument")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(signedPdf)));
    stub.stubFor(
        get(REST + "/agreements/" + agreementId + "/auditTrail")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(auditPdf)));
    agreementIs(agreementId, "OUT_FOR_SIGNATURE", "WAITING_FOR_MY_SIGNATURE", "NOT_YET_VISIBLE");
    return agreementId;
  }

  /** What {@code GET /agreements/{id}} and {@code /members} answer from now on. */
  private void agreementIs(String agreementId, String status, String ann, String bob) {
    stub.stubFor(
        get(REST + "/agreements/" + agreementId)
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + agreementId
                        + "\",\"name\":\"Agreement\",\"status\":\""
                        + status
                        + "\",\"signatureType\":\"ESIGN\"}")));
    stub.stubFor(
        get(REST + "/agreements/" + agreementId + "/members")
            .willReturn(
                okJson(
                    "{\"participantSets\":["
                        + "{\"id\":\"ps1\",\"memberInfos\":[{\"id\":\"m1\",\"email\":\"ann@example.com\",\"name\":\"Ann Signer\"}],"
                        + "\"order\":1,\"role\":\"SIGNER\",\"status\":\""
                        + ann
                        + "\"},"
                        + "{\"id\":\"ps2\",\"memberInfos\":[{\"id\":\"m2\",\"email\":\"bob@example.com\",\"name\":\"Bob Signer\"}],"
                        + "\"order\":2,\"role\":\"SIGNER\",\"status\":\""
                        + bob
                        + "\"}],"
                        + "\"senderInfo\":{\"email\":\"sender@example.com\"}}")));
  }

  /** A webhook notification as Acrobat Sign documents it (basic payload). */
  private static String notification(String id, String event, String agreementId, String status) {
    return "{\"webhookId\":\"wh-1\",\"webhookName\":\"ContractFlow\",\"webhookNotificationId\":\""
        + id
        + "\","
        + "\"webhookUrlInfo\":{\"url\":\"https://contractflow.example/api/webhooks/esign/adobe-sign\"},"
        + "\"webhookScope\":\"ACCOUNT\",\"event\":\""
        + event
        + "\",\"eventDate\":\"2026-11-26T01:10:00Z\","
        + "\"eventResourceType\":\"agreement\",\"participantRole\":\"SIGNER\",\"actionType\":\"ESIGNED\","
        + "\"participantUserEmail\":\"ann@example.com\",\"agreement\":{\"id\":\""
        + agreementId
        + "\","
        + "\"name\":\"Agreement\",\"signatureType\":\"ESIGN\",\"status\":\""
        + status
        + "\"}}";
  }

  private Api.Response notify(String body) {
    return webhook("adobe-sign", body, CLIENT_ID_HEADER, VendorStubs.ADOBE_CLIENT_ID);
  }

  private static void assertUnauthorized(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.headers().firstValue(CLIENT_ID_HEADER)).isEmpty();
  }

  @Test
  void theWebhookUrlIsVerifiedByEchoingOurClientIdOnly() {
    Api.Response ours =
        api.anonymous()
            .header(CLIENT_ID_HEADER, VendorStubs.ADOBE_CLIENT_ID)
            .get("/api/webhooks/esign/adobe-sign");
    assertThat(ours.status()).as(ours.toString()).isEqualTo(200);
    assertThat(ours.headers().firstValue(CLIENT_ID_HEADER)).hasValue(VendorStubs.ADOBE_CLIENT_ID);
    assertUnauthorized(
        api.anonymous()
            .header(CLIENT_ID_HEADER, "someone-elses-client")
            .get("/api/webhooks/esign/adobe-sign"));
    assertUnauthorized(api.anonymous().get("/api/webhooks/esign/adobe-sign"));
    assertThat(api.anonymous().get("/api/webhooks/esign/nosuchvendor").status()).isEqualTo(404);
  }

  @Test
  void aContractGoesFromApprovedToSignedThroughAcrobatSignWithItsAuditReportStored()
      throws Exception {
    Draft draft = draftFor("adobe-sign");
    String agreementId = agreementFor(draft.reference());
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    // refresh-token flow at the api_access_point; the PDF as a transient document; the signers in
    // order
    LoggedRequest refresh =
        stub.findAll(postRequestedFor(urlPathEqualTo(OAUTH + "/oauth/v2/refresh"))).get(0);
    assertThat(refresh.getBodyAsString())
        .contains("grant_type=refresh_token")
        .contains("refresh_token=" + VendorStubs.ADOBE_REFRESH_TOKEN)
        .contains("client_id=" + VendorStubs.ADOBE_CLIENT_ID);
    assertThat(
            stub.findAll(
                postRequestedFor(urlPathEqualTo(REST + "/transientDocuments"))
                    .withHeader("Authorization", equalTo("Bearer 3AAABLblqZhA-it-access"))))
        .isNotEmpty();
    LoggedRequest created =
        stub.findAll(
                postRequestedFor(urlPathEqualTo(REST + "/agreements"))
                    .withRequestBody(containing(draft.reference())))
            .get(0);
    JsonNode agreement = JSON.readTree(created.getBodyAsString());
    assertThat(agreement.at("/fileInfos/0/transientDocumentId").asText())
        .isEqualTo("3AAABLblqZhB-transient");
    assertThat(agreement.get("state").asText()).isEqualTo("IN_PROCESS");
    assertThat(agreement.at("/participantSetsInfo/0/memberInfos/0/email").asText())
        .isEqualTo("ann@example.com");
    assertThat(agreement.at("/participantSetsInfo/0/order").asInt()).isEqualTo(1);
    assertThat(agreement.at("/participantSetsInfo/1/order").asInt()).isEqualTo(2);
    assertThat(agreement.at("/externalId/id").asText())
        .isEqualTo(signing(draft.id()).get("requestId").asText());

    // a forged "completed" with our (public) client id: the agreement is re-read, and it is not
    // signed
    Api.Response forged =
        notify(notification("forged-1", "AGREEMENT_WORKFLOW_COMPLETED", agreementId, "SIGNED"));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(200);
    assertThat(forged.json().get("applied").asInt()).isEqualTo(1); // SENT, as Acrobat Sign says
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("OPEN");
    assertUnauthorized(
        webhook(
            "adobe-sign",
            notification("forged-2", "AGREEMENT_WORKFLOW_COMPLETED", agreementId, "SIGNED"),
            CLIENT_ID_HEADER,
            "someone-elses-client"));
    assertUnauthorized(
        webhook(
            "adobe-sign",
            notification("forged-3", "AGREEMENT_WORKFLOW_COMPLETED", agreementId, "SIGNED")));
    assertThat(status(draft.id())).isEqualTo("SIGNING");

    // Ann signs
    agreementIs(agreementId, "OUT_FOR_SIGNATURE", "COMPLETED", "WAITING_FOR_MY_SIGNATURE");
    Api.Response annSigned =
        notify(
            notification("n-ann", "AGREEMENT_ACTION_COMPLETED", agreementId, "OUT_FOR_SIGNATURE"));
    assertThat(annSigned.json().get("applied").asInt()).isEqualTo(1);
    assertThat(annSigned.headers().firstValue(CLIENT_ID_HEADER))
        .hasValue(VendorStubs.ADOBE_CLIENT_ID);
    assertThat(signing(draft.id()).at("/signers/0/status").asText()).isEqualTo("SIGNED");

    // Bob signs: the agreement is SIGNED
    agreementIs(agreementId, "SIGNED", "COMPLETED", "COMPLETED");
    String completed =
        notification("n-done", "AGREEMENT_WORKFLOW_COMPLETED", agreementId, "SIGNED");
    assertThat(notify(completed).json().get("applied").asInt()).isEqualTo(1);
    awaitStatus(draft.id(), "ACTIVE");
    List<JsonNode> versions = versions(draft.id());
    assertThat(versions.get(0).get("fileName").asText())
        .isEqualTo(draft.reference() + "-signed.pdf");
    assertThat(versions.get(1).get("fileName").asText())
        .isEqualTo(draft.reference() + "-certificate.pdf");
    assertThat(content(draft.id(), versions.get(0).get("version").asInt())).isEqualTo(signedPdf);
    assertThat(content(draft.id(), versions.get(1).get("version").asInt())).isEqualTo(auditPdf);

    // redelivered, and a stale "action completed" after it: nothing changes
    assertThat(notify(completed).json().get("duplicates").asInt()).isEqualTo(1);
    assertThat(
            notify(
                    notification(
                        "n-late", "AGREEMENT_EMAIL_VIEWED", agreementId, "OUT_FOR_SIGNATURE"))
                .json()
                .get("unchanged")
                .asInt())
        .isEqualTo(1);
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void aRejectedAgreementReturnsTheContractToDraft() {
    Draft draft = draftFor("adobe-sign");
    String agreementId = agreementFor(draft.reference());
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    agreementIs(agreementId, "CANCELLED", "REJECTED", "NOT_YET_VISIBLE");
    Api.Response rejected =
        notify(notification("n-rej", "AGREEMENT_REJECTED", agreementId, "CANCELLED"));
    assertThat(rejected.json().get("applied").asInt()).isEqualTo(1);
    awaitStatus(draft.id(), "DRAFT");
    JsonNode signing = signing(draft.id());
    assertThat(signing.get("status").asText()).isEqualTo("DECLINED");
    assertThat(signing.at("/signers/0/status").asText()).isEqualTo("DECLINED");
    assertThat(signing.at("/signers/1/status").asText()).isEqualTo("CANCELLED");
    assertThat(
            stub.findAll(
                postRequestedFor(urlPathEqualTo(REST + "/agreements"))
                    .withRequestBody(
                        matchingJsonPath(
                            "$.externalId.id", equalTo(signing.get("requestId").asText())))))
        .hasSize(1);
  }

  @Test
  void anAgreementCancelledAtAcrobatSignReturnsTheContractToDraft() {
    Draft draft = draftFor("adobe-sign");
    String agreementId = agreementFor(draft.reference());
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    agreementIs(agreementId, "CANCELLED", "CANCELLED", "NOT_YET_VISIBLE");
    assertThat(
            notify(notification("n-recalled", "AGREEMENT_RECALLED", agreementId, "CANCELLED"))
                .json()
                .get("applied")
                .asInt())
        .isEqualTo(1);
    awaitStatus(draft.id(), "DRAFT");
    JsonNode signing = signing(draft.id());
    assertThat(signing.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(signing.get("closeReason").asText()).isEqualTo("Voided at adobe-sign");
  }

  @Test
  void onlyAnEnabledProviderCanBeChosen() {
    Draft draft = draftFor("adobe-sign");
    JsonNode body =
        JSON.createObjectNode()
            .put("mode", "PARALLEL")
            .put("provider", "hellosign")
            .set(
                "signers",
                JSON.createArrayNode()
                    .add(
                        JSON.createObjectNode()
                            .put("name", "Ann Signer")
                            .put("email", "ann@example.com")
                            .put("order", 1)));
    Api.Response refused = api.as("rita").put("/api/contracts/" + draft.id() + "/signers", body);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body()).contains("provider");
    Api.Response kept = api.as("rita").get("/api/contracts/" + draft.id() + "/signers");
    assertThat(kept.json().get("provider").asText()).isEqualTo("adobe-sign");
  }

  @Test
  void anAcrobatSignOutageOnSendBecomesRetriesThenAnIncidentAndTheContractIsKept() {
    Draft draft = draftFor("adobe-sign");
    stub.stubFor(
        post(REST + "/agreements")
            .withRequestBody(containing(draft.reference()))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"Try again later\"}")));
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

    // Acrobat Sign is back; an operator retries the job (Cockpit: "Increment retries")
    agreementFor(draft.reference());
    management.setJobRetries(failed.getId(), 1);
    management.executeJob(failed.getId());
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(signing(draft.id()).get("provider").asText()).isEqualTo("adobe-sign");
  }

  @Test
  void aReadTimeoutOnTheAuditReportBecomesARetryAndTheContractIsSignedAfterwards() {
    Draft draft = draftFor("adobe-sign");
    String agreementId = agreementFor(draft.reference());
    stub.stubFor(
        get(REST + "/agreements/" + agreementId + "/auditTrail")
            .willReturn(
                aResponse()
                    .withFixedDelay(7000)
                    .withHeader("Content-Type", "application/pdf")
                    .withBody(auditPdf)));
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    // no webhook: the poll finds the agreement signed
    agreementIs(agreementId, "SIGNED", "COMPLETED", "COMPLETED");
    poller.pollOnce();
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("COMPLETED");

    Job failed = awaitFailure(draft.id(), "Task_SealSignedDocument");
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).as("the read timed out").contains("I/O error on GET");
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(versions(draft.id())).as("nothing stored by the failed step").hasSize(1);

    stub.stubFor(
        get(REST + "/agreements/" + agreementId + "/auditTrail")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(auditPdf)));
    management.executeJob(failed.getId());
    awaitStatus(draft.id(), "ACTIVE");
    assertThat(versions(draft.id())).hasSize(3);
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheCallRepeated() {
    // some token is cached: from an earlier test, or this one
    String probe = "CBJCHBCAABAA-probe-" + UUID.randomUUID();
    agreementIs(probe, "OUT_FOR_SIGNATURE", "WAITING_FOR_MY_SIGNATURE", "NOT_YET_VISIBLE");
    assertThat(adobeSign.status(probe).state()).isEqualTo(EnvelopeState.SENT);

    // Acrobat Sign now refuses it (revoked): 401 for every token but the next one it grants
    stub.stubFor(
        post(OAUTH + "/oauth/v2/refresh")
            .willReturn(
                okJson(
                    "{\"access_token\":\"3AAABLblqZhA-it-renewed\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    String agreementId = "CBJCHBCAABAA-renew-" + UUID.randomUUID();
    String path = REST + "/agreements/" + agreementId;
    String refused =
        "{\"code\":\"INVALID_ACCESS_TOKEN\",\"message\":\"Access token provided is invalid or has expired\"}";
    stub.stubFor(
        get(path)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(refused)));
    stub.stubFor(
        get(path + "/members")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(refused)));
    String renewed = "Bearer 3AAABLblqZhA-it-renewed";
    stub.stubFor(
        get(path)
            .withHeader("Authorization", equalTo(renewed))
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + agreementId
                        + "\",\"name\":\"Agreement\",\"status\":\"SIGNED\",\"signatureType\":\"ESIGN\"}")));
    stub.stubFor(
        get(path + "/members")
            .withHeader("Authorization", equalTo(renewed))
            .willReturn(
                okJson(
                    "{\"participantSets\":[{\"id\":\"ps1\",\"memberInfos\":[{\"id\":\"m1\",\"email\":\"ann@example.com\","
                        + "\"name\":\"Ann Signer\"}],\"order\":1,\"role\":\"SIGNER\",\"status\":\"COMPLETED\"}]}")));
    int grants = stub.findAll(postRequestedFor(urlPathEqualTo(OAUTH + "/oauth/v2/refresh"))).size();

    assertThat(adobeSign.status(agreementId).state()).isEqualTo(EnvelopeState.COMPLETED);
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(OAUTH + "/oauth/v2/refresh"))))
        .hasSize(grants + 1);
    List<LoggedRequest> calls =
        stub.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(path)));
    assertThat(calls)
        .extracting(r -> r.getHeader("Authorization"))
        .containsExactly(calls.get(0).getHeader("Authorization"), renewed);
    assertThat(calls.get(0).getHeader("Authorization")).isNotEqualTo(renewed);

    assertThat(adobeSign.status(agreementId).state()).isEqualTo(EnvelopeState.COMPLETED);
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(OAUTH + "/oauth/v2/refresh"))))
        .as("the new token is kept")
        .hasSize(grants + 1);
  }
}
