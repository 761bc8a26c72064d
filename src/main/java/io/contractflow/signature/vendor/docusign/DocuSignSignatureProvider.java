package io.contractflow.signature.vendor.docusign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.signature.SignatureProvider;
import io.contractflow.signature.SignerStatus;
import io.contractflow.signature.SigningMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * DocuSign as a signature provider (eSignature REST API v2.1): one envelope per signing request
 * with the contract's PDF and its signers in routing order, sent at once; the request id kept as an
 * envelope custom field.
 */
class DocuSignSignatureProvider implements SignatureProvider {

  static final String NAME = "docusign";
  static final String REQUEST_ID_FIELD = "contractflowRequestId";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DocuSignSession session;
  private final Clock clock;

  DocuSignSignatureProvider(DocuSignSession session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@code POST /envelopes} with {@code status: sent}. */
  @Override
  public String send(Envelope envelope) {
    ObjectNode body = JSON.createObjectNode();
    body.put(
        "emailSubject",
        truncate(
            "Please sign " + envelope.contractReference() + ": " + envelope.contractTitle(), 100));
    body.put("status", "sent");
    body.putArray("documents")
        .addObject()
        .put("documentId", "1")
        .put("name", envelope.documentName())
        .put("fileExtension", "pdf")
        .put("documentBase64", Base64.getEncoder().encodeToString(envelope.pdf()));
    ArrayNode signers = body.putObject("recipients").putArray("signers");
    for (int i = 0; i < envelope.recipients().size(); i++) {
      Recipient r = envelope.recipients().get(i);
      signers
          .addObject()
          .put("recipientId", String.valueOf(i + 1))
          .put("name", r.name())
          .put("email", r.email())
          .put(
              "routingOrder",
              String.valueOf(envelope.mode() == SigningMode.PARALLEL ? 1 : r.order()));
    }
    body.putObject("customFields")
        .putArray("textCustomFields")
        .addObject()
        .put("name", REQUEST_ID_FIELD)
        .put("value", envelope.requestId().toString())
        .put("show", "false")
        .put("required", "false");
    long days = Math.max(1, Duration.between(clock.instant(), envelope.expiresAt()).toDays());
    body.putObject("notification")
        .put("useAccountDefaults", "false")
        .putObject("expirations")
        .put("expireEnabled", "true")
        .put("expireAfter", String.valueOf(days))
        .put("expireWarn", "0");
    JsonNode created =
        session.call(
            (token, base) ->
                session
                    .http()
                    .post()
                    .uri(base + "/envelopes")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(JsonNode.class));
    if (created == null || !created.hasNonNull("envelopeId")) {
      throw new IllegalStateException("DocuSign created no envelope id");
    }
    return created.get("envelopeId").asText();
  }

  /** {@code GET /envelopes/{id}?include=recipients}. */
  @Override
  public EnvelopeStatus status(String envelopeId) {
    JsonNode envelope = get("/envelopes/" + envelopeId + "?include=recipients", JsonNode.class);
    List<RecipientStatus> recipients = DocuSignStates.signers(envelope.path("recipients"));
    boolean anySigned = recipients.stream().anyMatch(r -> r.state() == SignerStatus.SIGNED);
    return new EnvelopeStatus(
        envelopeId,
        DocuSignStates.envelope(
            envelope.path("status").asText(null),
            envelope.path("voidedReason").asText(null),
            anySigned),
        recipients);
  }

  /** {@code PUT /envelopes/{id}} with {@code status: voided}, unless it is closed already. */
  @Override
  public void cancel(String envelopeId, String reason) {
    if (status(envelopeId).state().isFinal()) {
      return;
    }
    ObjectNode body =
        JSON.createObjectNode()
            .put("status", "voided")
            .put("voidedReason", truncate(reason == null ? "Cancelled" : reason, 200));
    session.call(
        (token, base) ->
            session
                .http()
                .put()
                .uri(base + "/envelopes/" + envelopeId)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
  }

  /** {@code GET /envelopes/{id}/documents/combined}: the signed documents as one PDF. */
  @Override
  public byte[] signedDocument(String envelopeId) {
    return pdf("/envelopes/" + envelopeId + "/documents/combined");
  }

  /** {@code GET /envelopes/{id}/documents/certificate}: the certificate of completion. */
  @Override
  public byte[] certificate(String envelopeId) {
    return pdf("/envelopes/" + envelopeId + "/documents/certificate");
  }

  /** {@code GET /envelopes/{id}/audit_events}. */
  @Override
  public List<AuditEntry> auditTrail(String envelopeId) {
    JsonNode events = get("/envelopes/" + envelopeId + "/audit_events", JsonNode.class);
    List<AuditEntry> trail = new ArrayList<>();
    for (JsonNode event : events.path("auditEvents")) {
      String at = null;
      String user = null;
      String action = null;
      String message = null;
      for (JsonNode field : event.path("eventFields")) {
        switch (field.path("name").asText()) {
          case "logTime" -> at = field.path("value").asText();
          case "UserName" -> user = field.path("value").asText();
          case "Action" -> action = field.path("value").asText();
          case "Message" -> message = field.path("value").asText();
          default -> {}
        }
      }
      Instant time = DocuSignStates.time(at);
      trail.add(new AuditEntry(time == null ? Instant.EPOCH : time, user, action, message));
    }
    trail.sort(Comparator.comparing(AuditEntry::at));
    return trail;
  }

  private byte[] pdf(String path) {
    byte[] bytes =
        session.call(
            (token, base) ->
                session
                    .http()
                    .get()
                    .uri(base + path)
                    .header("Authorization", "Bearer " + token)
                    .accept(MediaType.APPLICATION_PDF)
                    .retrieve()
                    .body(byte[].class));
    if (bytes == null || bytes.length == 0) {
      throw new IllegalStateException("DocuSign returned no PDF for " + path);
    }
    return bytes;
  }

  private <T> T get(String path, Class<T> type) {
    T body =
        session.call(
            (token, base) ->
                session
                    .http()
                    .get()
                    .uri(base + path)
                    .header("Authorization", "Bearer " + token)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(type));
    if (body == null) {
      throw new IllegalStateException("DocuSign answered " + path + " with no body");
    }
    return body;
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
