package io.contractflow.signature.vendor.docusign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.contractflow.signature.SignatureProvider;
import io.contractflow.signature.VendorStatusPoller;
import io.contractflow.signature.vendor.EsignFlow;
import io.contractflow.support.Api;
import io.contractflow.support.VendorStubs;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DocuSign end to end against a WireMock stub built from the eSignature REST API v2.1 reference
 * (JWT grant, {@code /oauth/userinfo}, envelopes, documents) and Connect's JSON SIM messages with
 * HMAC: approved to signed, declined, voided, forged calls, duplicates and late events, token
 * renewal, an outage and a timeout.
 */
class DocuSignIT extends EsignFlow {

  private static final String AUTH = "/docusign-auth";
  private static final String ACCOUNT =
      "/docusign/restapi/v2.1/accounts/" + VendorStubs.DOCUSIGN_ACCOUNT_ID;

  @Autowired DocuSignSignatureProvider docuSign;
  @Autowired VendorStatusPoller poller;

  private final WireMockServer stub = VendorStubs.server();
  private final byte[] signedPdf = VendorStubs.pdf("Signed through DocuSign");
  private final byte[] certificatePdf = VendorStubs.pdf("DocuSign Certificate Of Completion");

  @BeforeEach
  void oauth() {
    stub.stubFor(
        post(AUTH + "/oauth/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"ds-token-1\",\"token_type\":\"Bearer\",\"expires_in\":28800}")));
    stub.stubFor(
        get(AUTH + "/oauth/userinfo")
            .willReturn(
                okJson(
                    "{\"sub\":\""
                        + VendorStubs.DOCUSIGN_USER_ID
                        + "\",\"name\":\"IT Sender\",\"email\":\"sender@example.com\",\"accounts\":["
                        + "{\"account_id\":\"99999999-other\",\"is_default\":true,\"account_name\":\"Other\",\"base_uri\":\"https://na3.docusign.net\"},"
                        + "{\"account_id\":\""
                        + VendorStubs.DOCUSIGN_ACCOUNT_ID
                        + "\",\"is_default\":false,\"account_name\":\"ContractFlow IT\","
                        + "\"base_uri\":\""
                        + VendorStubs.baseUrl()
                        + "/docusign\"}]}")));
  }

  /**
   * Stubs creating the contract's envelope (matched by its reference) and the envelope's documents.
   */
  private String envelopeFor(String reference) {
    String envelopeId = UUID.randomUUID().toString();
    stub.stubFor(
        post(ACCOUNT + "/envelopes")
            .withRequestBody(containing(reference))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"envelopeId\":\""
                            + envelopeId
                            + "\",\"status\":\"sent\",\"statusDateTime\":\"2026-11-26T01:00:00.0000000Z\",\"uri\":\"/envelopes/"
                            + envelopeId
                            + "\"}")));
    stub.stubFor(
        get(ACCOUNT + "/envelopes/" + envelopeId + "/documents/combined")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(signedPdf)));
    stub.stubFor(
        get(ACCOUNT + "/envelopes/" + envelopeId + "/documents/certificate")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/pdf")
                    .withBody(certificatePdf)));
    stubEnvelope(envelopeId, "sent", "sent", "created");
    return envelopeId;
  }

  private void stubEnvelope(String envelopeId, String status, String ann, String bob) {
    stub.stubFor(
        get(urlEqualTo(ACCOUNT + "/envelopes/" + envelopeId + "?include=recipients"))
            .willReturn(
                okJson(
                    "{\"envelopeId\":\""
                        + envelopeId
                        + "\",\"status\":\""
                        + status
                        + "\",\"recipients\":"
                        + recipients(ann, bob, null)
                        + "}")));
  }

  private static String recipients(String ann, String bob, String declinedReason) {
    return "{\"signers\":[{\"recipientId\":\"1\",\"routingOrder\":\"1\",\"name\":\"Ann Signer\",\"email\":\"ann@example.com\","
        + "\"status\":\""
        + ann
        + "\""
        + ("completed".equals(ann) ? ",\"signedDateTime\":\"2026-11-26T01:05:00.0000000Z\"" : "")
        + "},{\"recipientId\":\"2\",\"routingOrder\":\"2\",\"name\":\"Bob Signer\",\"email\":\"bob@example.com\","
        + "\"status\":\""
        + bob
        + "\""
        + (declinedReason == null ? "" : ",\"declinedReason\":\"" + declinedReason + "\"")
        + "}]}";
  }

  /** A Connect JSON SIM message, as DocuSign documents it. */
  private static String connect(
      String event, String envelopeId, String generated, String status, String summaryRecipients) {
    return "{\"event\":\""
        + event
        + "\",\"apiVersion\":\"v2.1\",\"uri\":\"/restapi/v2.1/accounts/"
        + VendorStubs.DOCUSIGN_ACCOUNT_ID
        + "/envelopes/"
        + envelopeId
        + "\",\"retryCount\":0,\"configurationId\":10501,"
        + "\"generatedDateTime\":\""
        + generated
        + "\",\"data\":{\"accountId\":\""
        + VendorStubs.DOCUSIGN_ACCOUNT_ID
        + "\",\"userId\":\""
        + VendorStubs.DOCUSIGN_USER_ID
        + "\",\"envelopeId\":\""
        + envelopeId
        + "\""
        + (status == null
            ? ""
            : ",\"envelopeSummary\":{\"status\":\""
                + status
                + "\",\"emailSubject\":\"Please sign\","
                + "\"recipients\":"
                + summaryRecipients
                + "}")
        + "}}";
  }

  private static String hmac(String key, String body) {
    return Base64.getEncoder()
        .encodeToString(
            io.contractflow.signature.vendor.Hmac.sha256(
                key, body.getBytes(StandardCharsets.UTF_8)));
  }

  private Api.Response connectSigned(String body, String key) {
    return webhook(
        "docusign",
        body,
        "X-DocuSign-Signature-1",
        hmac(key, body),
        "X-Authorization-Digest",
        "HMACSHA256");
  }

  private void assertUnauthorized(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aContractGoesFromApprovedToSignedThroughDocuSignWithItsCertificateStored() throws Exception {
    Draft draft = draftFor("docusign");
    String envelopeId = envelopeFor(draft.reference());
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    // the envelope: the contract's PDF, the signers in routing order, the request id as a custom
    // field
    LoggedRequest created =
        stub.findAll(
                postRequestedFor(urlPathEqualTo(ACCOUNT + "/envelopes"))
                    .withRequestBody(containing(draft.reference())))
            .get(0);
    JsonNode envelope = JSON.readTree(created.getBodyAsString());
    assertThat(created.getHeader("Authorization")).startsWith("Bearer ");
    assertThat(envelope.get("status").asText()).isEqualTo("sent");
    assertThat(Base64.getDecoder().decode(envelope.at("/documents/0/documentBase64").asText()))
        .isEqualTo(pdf);
    assertThat(envelope.at("/recipients/signers/0/email").asText()).isEqualTo("ann@example.com");
    assertThat(envelope.at("/recipients/signers/0/routingOrder").asText()).isEqualTo("1");
    assertThat(envelope.at("/recipients/signers/1/routingOrder").asText()).isEqualTo("2");
    JsonNode signing = signing(draft.id());
    assertThat(envelope.at("/customFields/textCustomFields/0/value").asText())
        .isEqualTo(signing.get("requestId").asText());
    assertThat(signing.get("provider").asText()).isEqualTo("docusign");

    // the JWT grant: RS256 by the integration key's private key, for the impersonated user,
    // audience the auth host
    LoggedRequest grant =
        stub.findAll(postRequestedFor(urlPathEqualTo(AUTH + "/oauth/token"))).get(0);
    String form = grant.getBodyAsString();
    assertThat(form).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer");
    String jwt =
        URLDecoder.decode(
            form.substring(form.indexOf("assertion=") + 10).split("&")[0], StandardCharsets.UTF_8);
    String[] parts = jwt.split("\\.");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(VendorStubs.docuSignPublicKey());
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).as("JWT signature").isTrue();
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.get("iss").asText()).isEqualTo(VendorStubs.DOCUSIGN_INTEGRATION_KEY);
    assertThat(claims.get("sub").asText()).isEqualTo(VendorStubs.DOCUSIGN_USER_ID);
    assertThat(claims.get("aud").asText()).isEqualTo("127.0.0.1");
    assertThat(claims.get("scope").asText()).isEqualTo("signature impersonation");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);

    // Ann signs: signed with the old key only (still configured while keys rotate)
    String annSigned =
        connect(
            "recipient-completed",
            envelopeId,
            "2026-11-26T01:05:01.0000000Z",
            "sent",
            recipients("completed", "sent", null));
    Api.Response first = connectSigned(annSigned, VendorStubs.DOCUSIGN_HMAC_OLD);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().get("applied").asInt()).isEqualTo(1);
    assertThat(signing(draft.id()).at("/signers/0/status").asText()).isEqualTo("SIGNED");
    assertThat(signing(draft.id()).at("/signers/1/status").asText()).isEqualTo("PENDING");

    // completed: an unknown key's signature first, then the new key's (DocuSign sends one header
    // per active key)
    String completed =
        connect(
            "envelope-completed",
            envelopeId,
            "2026-11-26T01:10:00.0000000Z",
            "completed",
            recipients("completed", "completed", null));
    Api.Response done =
        webhook(
            "docusign",
            completed,
            "X-DocuSign-Signature-1",
            hmac("some-other-key", completed),
            "X-DocuSign-Signature-2",
            hmac(VendorStubs.DOCUSIGN_HMAC_NEW, completed));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().get("applied").asInt()).isEqualTo(1);

    awaitStatus(draft.id(), "ACTIVE");
    List<JsonNode> versions = versions(draft.id());
    JsonNode signed = versions.get(0);
    JsonNode certificate = versions.get(1);
    assertThat(signed.get("current").asBoolean()).isTrue();
    assertThat(signed.get("fileName").asText()).isEqualTo(draft.reference() + "-signed.pdf");
    assertThat(certificate.get("fileName").asText())
        .isEqualTo(draft.reference() + "-certificate.pdf");
    assertThat(content(draft.id(), signed.get("version").asInt())).isEqualTo(signedPdf);
    assertThat(content(draft.id(), certificate.get("version").asInt())).isEqualTo(certificatePdf);
    JsonNode closed = signing(draft.id());
    assertThat(closed.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(closed.get("sealedVersionId").asText()).isEqualTo(signed.get("id").asText());

    // the same delivery again, and a late "delivered" event: applied once, never backwards
    Api.Response again = connectSigned(completed, VendorStubs.DOCUSIGN_HMAC_NEW);
    assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
    Api.Response late =
        connectSigned(
            connect(
                "envelope-delivered",
                envelopeId,
                "2026-11-26T01:04:00.0000000Z",
                "delivered",
                recipients("delivered", "created", null)),
            VendorStubs.DOCUSIGN_HMAC_NEW);
    assertThat(late.status()).as(late.toString()).isEqualTo(200);
    assertThat(late.json().get("unchanged").asInt()).isEqualTo(1);
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(status(draft.id())).isEqualTo("ACTIVE");
    assertThat(versions(draft.id())).hasSize(versions.size());
  }

  @Test
  void forgedAndUnsignedCallsAre401WithNoEffectThenADeclineReturnsTheContractToDraft() {
    Draft draft = draftFor("docusign");
    String envelopeId = envelopeFor(draft.reference());
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    String completed =
        connect(
            "envelope-completed",
            envelopeId,
            "2026-11-26T02:00:00.0000000Z",
            "completed",
            recipients("completed", "completed", null));
    assertUnauthorized(webhook("docusign", completed));
    assertUnauthorized(
        webhook("docusign", completed, "X-DocuSign-Signature-1", hmac("guessed-key", completed)));
    assertUnauthorized(
        webhook("docusign", completed, "X-DocuSign-Signature-1", "not base64 at all!"));
    String other = connect("envelope-sent", envelopeId, "2026-11-26T01:00:00.0000000Z", null, null);
    assertUnauthorized(
        webhook(
            "docusign",
            completed,
            "X-DocuSign-Signature-1",
            hmac(VendorStubs.DOCUSIGN_HMAC_NEW, other)));
    assertUnauthorized(
        webhook(
            "docusign",
            completed + " ",
            "X-DocuSign-Signature-1",
            hmac(VendorStubs.DOCUSIGN_HMAC_NEW, completed)));
    assertUnauthorized(
        webhook(
            "docusign",
            completed,
            "X-DocuSign-Signature-2",
            hmac(VendorStubs.DOCUSIGN_HMAC_NEW, completed)));
    assertUnauthorized(
        webhook("docusign", "not json", "X-DocuSign-Signature-1", hmac("guessed-key", "not json")));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.esign_event where envelope_id = ?",
                Integer.class,
                envelopeId))
        .isZero();
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("OPEN");
    assertThat(status(draft.id())).isEqualTo("SIGNING");

    // a signed body that is not a Connect message is a 400 problem, not a 500
    Api.Response garbage = connectSigned("[1,2,3]", VendorStubs.DOCUSIGN_HMAC_NEW);
    assertThat(garbage.status()).as(garbage.toString()).isEqualTo(400);

    // an event for an envelope no request has (yet): accepted, not recorded, so a redelivery can
    // still apply it
    String early =
        connect(
            "envelope-completed",
            "0000-not-yet-" + UUID.randomUUID(),
            "2026-11-26T02:00:00.0000000Z",
            "completed",
            recipients("completed", "completed", null));
    Api.Response unknown = connectSigned(early, VendorStubs.DOCUSIGN_HMAC_NEW);
    assertThat(unknown.json().get("unknown").asInt()).isEqualTo(1);
    assertThat(connectSigned(early, VendorStubs.DOCUSIGN_HMAC_NEW).json().get("unknown").asInt())
        .isEqualTo(1);

    Api.Response declined =
        connectSigned(
            connect(
                "envelope-declined",
                envelopeId,
                "2026-11-26T02:01:00.0000000Z",
                "declined",
                recipients("completed", "declined", "Wrong liability cap")),
            VendorStubs.DOCUSIGN_HMAC_NEW);
    assertThat(declined.json().get("applied").asInt()).isEqualTo(1);
    awaitStatus(draft.id(), "DRAFT");
    JsonNode signing = signing(draft.id());
    assertThat(signing.get("status").asText()).isEqualTo("DECLINED");
    assertThat(signing.get("closeReason").asText())
        .isEqualTo("Bob Signer declined: Wrong liability cap");
    assertThat(signing.at("/signers/1/status").asText()).isEqualTo("DECLINED");

    // a completion arriving after the decline changes nothing
    assertThat(
            connectSigned(completed, VendorStubs.DOCUSIGN_HMAC_NEW).json().get("unchanged").asInt())
        .isEqualTo(1);
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("DECLINED");
  }

  @Test
  void cancellingTheContractVoidsTheEnvelope() {
    Draft draft = draftFor("docusign");
    String envelopeId = envelopeFor(draft.reference());
    stub.stubFor(
        put(ACCOUNT + "/envelopes/" + envelopeId)
            .willReturn(okJson("{\"envelopeId\":\"" + envelopeId + "\"}")));
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

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
                        putRequestedFor(urlEqualTo(ACCOUNT + "/envelopes/" + envelopeId))
                            .withRequestBody(matchingJsonPath("$.status", equalTo("voided"))))
                    .isEmpty());
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("CANCELLED");

    // DocuSign's own "voided" event for it comes back later: nothing left to change
    Api.Response voided =
        connectSigned(
            connect(
                "envelope-voided",
                envelopeId,
                "2026-11-26T03:00:00.0000000Z",
                "voided",
                recipients("sent", "created", null)),
            VendorStubs.DOCUSIGN_HMAC_NEW);
    assertThat(voided.json().get("unchanged").asInt()).isEqualTo(1);
  }

  @Test
  void aDocuSignOutageOnSendBecomesRetriesThenAnIncidentAndTheContractIsKept() {
    Draft draft = draftFor("docusign");
    stub.stubFor(
        post(ACCOUNT + "/envelopes")
            .withRequestBody(containing(draft.reference()))
            .willReturn(
                aResponse().withStatus(503).withBody("{\"errorCode\":\"SERVICE_UNAVAILABLE\"}")));
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

    // DocuSign is back; an operator retries the job (Cockpit: "Increment retries")
    envelopeFor(draft.reference());
    management.setJobRetries(failed.getId(), 1);
    management.executeJob(failed.getId());
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(signing(draft.id()).get("provider").asText()).isEqualTo("docusign");
  }

  @Test
  void anEnvelopeWhoseSendingStepRollsBackIsVoidedAtDocuSignAndTheRetrySendsOneThatStays() {
    Draft draft = draftFor("docusign");
    // DocuSign accepts the envelope, then the platform cannot record it (here: an id longer than
    // its column), so the
    // step fails after the send and its transaction rolls back: DocuSign holds an envelope no
    // request knows
    String orphan = "orphan-" + UUID.randomUUID() + "-" + "x".repeat(220);
    stub.stubFor(
        post(ACCOUNT + "/envelopes")
            .withRequestBody(containing(draft.reference()))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"envelopeId\":\"" + orphan + "\",\"status\":\"sent\"}")));
    stubEnvelope(orphan, "sent", "sent", "created");
    stub.stubFor(
        put(ACCOUNT + "/envelopes/" + orphan)
            .willReturn(okJson("{\"envelopeId\":\"" + orphan + "\"}")));
    approve(draft.id());

    Job failed = awaitFailure(draft.id(), "Task_SendForSignature");
    assertThat(status(draft.id())).as("the send rolled back").isEqualTo("APPROVED");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                !stub.findAll(
                        putRequestedFor(urlEqualTo(ACCOUNT + "/envelopes/" + orphan))
                            .withRequestBody(matchingJsonPath("$.status", equalTo("voided"))))
                    .isEmpty());

    // the retried step sends a new envelope, which is recorded and not voided
    String envelopeId = envelopeFor(draft.reference());
    management.executeJob(failed.getId());
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(
            jdbc.queryForObject(
                "select envelope_id from contractflow.signing_request where contract_id = ?::uuid "
                    + "and status = 'OPEN'",
                String.class,
                draft.id()))
        .isEqualTo(envelopeId);
    assertThat(stub.findAll(putRequestedFor(urlEqualTo(ACCOUNT + "/envelopes/" + envelopeId))))
        .isEmpty();
  }

  @Test
  void withoutAWebhookThePollFindsTheCompletionAndADownloadTimeoutBecomesARetry() {
    Draft draft = draftFor("docusign");
    String envelopeId = envelopeFor(draft.reference());
    stub.stubFor(
        get(ACCOUNT + "/envelopes/" + envelopeId + "/documents/certificate")
            .willReturn(
                aResponse()
                    .withFixedDelay(7000)
                    .withHeader("Content-Type", "application/pdf")
                    .withBody(certificatePdf)));
    approve(draft.id());
    awaitStatus(draft.id(), "SIGNING");

    stubEnvelope(envelopeId, "completed", "completed", "completed");
    poller.pollOnce();
    assertThat(signing(draft.id()).get("status").asText()).isEqualTo("COMPLETED");

    Job failed = awaitFailure(draft.id(), "Task_SealSignedDocument");
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).as("the read timed out").contains("I/O error on GET");
    assertThat(status(draft.id())).isEqualTo("SIGNING");
    assertThat(versions(draft.id())).hasSize(1);

    stub.stubFor(
        get(ACCOUNT + "/envelopes/" + envelopeId + "/documents/certificate")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/pdf")
                    .withBody(certificatePdf)));
    management.executeJob(failed.getId());
    awaitStatus(draft.id(), "ACTIVE");
    assertThat(versions(draft.id())).hasSize(3);
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheCallRepeated() {
    // some token is cached: from an earlier test, or this one
    String probe = UUID.randomUUID().toString();
    stub.stubFor(
        get(urlEqualTo(ACCOUNT + "/envelopes/" + probe + "?include=recipients"))
            .willReturn(
                okJson(
                    "{\"envelopeId\":\""
                        + probe
                        + "\",\"status\":\"sent\",\"recipients\":"
                        + recipients("sent", "created", null)
                        + "}")));
    stub.stubFor(
        post(AUTH + "/oauth/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"ds-token-stale\",\"token_type\":\"Bearer\",\"expires_in\":28800}")));
    assertThat(docuSign.status(probe).state()).isEqualTo(SignatureProvider.EnvelopeState.SENT);

    // DocuSign now refuses it (expired, revoked): 401 for every token but the next one it grants
    stub.stubFor(
        post(AUTH + "/oauth/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"ds-token-renewed\",\"token_type\":\"Bearer\",\"expires_in\":28800}")));
    String envelopeId = UUID.randomUUID().toString();
    String path = ACCOUNT + "/envelopes/" + envelopeId + "?include=recipients";
    stub.stubFor(
        get(urlEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"errorCode\":\"USER_AUTHENTICATION_FAILED\",\"message\":\"The access token provided is expired\"}")));
    stub.stubFor(
        get(urlEqualTo(path))
            .withHeader("Authorization", equalTo("Bearer ds-token-renewed"))
            .willReturn(
                okJson(
                    "{\"envelopeId\":\""
                        + envelopeId
                        + "\",\"status\":\"delivered\",\"recipients\":"
                        + recipients("delivered", "created", null)
                        + "}")));
    int grants = stub.findAll(postRequestedFor(urlPathEqualTo(AUTH + "/oauth/token"))).size();

    assertThat(docuSign.status(envelopeId).state())
        .isEqualTo(SignatureProvider.EnvelopeState.VIEWED);
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(AUTH + "/oauth/token"))))
        .hasSize(grants + 1);
    List<LoggedRequest> calls =
        stub.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(path)));
    assertThat(calls)
        .extracting(r -> r.getHeader("Authorization"))
        .containsExactly(calls.get(0).getHeader("Authorization"), "Bearer ds-token-renewed");
    assertThat(calls.get(0).getHeader("Authorization")).isNotEqualTo("Bearer ds-token-renewed");

    assertThat(docuSign.status(envelopeId).state())
        .isEqualTo(SignatureProvider.EnvelopeState.VIEWED);
    assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(AUTH + "/oauth/token"))))
        .as("the new token is kept")
        .hasSize(grants + 1);
  }
}
