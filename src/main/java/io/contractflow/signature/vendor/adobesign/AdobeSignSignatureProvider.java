package io.contractflow.signature.vendor.adobesign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.signature.SignatureProvider;
import io.contractflow.signature.SigningMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Adobe Acrobat Sign as a signature provider (REST API v6): the PDF uploaded as a transient
 * document, then one agreement with a participant set per signer in order, state IN_PROCESS; the
 * request id kept as its externalId.
 */
class AdobeSignSignatureProvider implements SignatureProvider {

  static final String NAME = "adobe-sign";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AdobeSignSession session;

  AdobeSignSignatureProvider(AdobeSignSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@code POST /transientDocuments} (multipart), then {@code POST /agreements}. */
  @Override
  public String send(Envelope envelope) {
    MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
    upload.add("File-Name", envelope.documentName());
    upload.add("Mime-Type", "application/pdf");
    upload.add(
        "File",
        new ByteArrayResource(envelope.pdf()) {
          @Override
          public String getFilename() {
            return envelope.documentName();
          }
        });
    JsonNode transient_ =
        session.call(
            (token, base) ->
                session
                    .http()
                    .post()
                    .uri(base + "/transientDocuments")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(upload)
                    .retrieve()
                    .body(JsonNode.class));
    if (transient_ == null || !transient_.hasNonNull("transientDocumentId")) {
      throw new IllegalStateException("Acrobat Sign returned no transientDocumentId");
    }
    ObjectNode body = JSON.createObjectNode();
    body.putArray("fileInfos")
        .addObject()
        .put("transientDocumentId", transient_.get("transientDocumentId").asText());
    body.put("name", envelope.contractReference() + ": " + envelope.contractTitle());
    body.put("signatureType", "ESIGN");
    body.put("state", "IN_PROCESS");
    body.put("expirationTime", envelope.expiresAt().toString());
    body.putObject("externalId").put("id", envelope.requestId().toString());
    // Acrobat Sign numbers the steps 1, 2, 3 without gaps; signers with the same order sign side by
    // side
    List<Integer> steps =
        new ArrayList<>(
            new TreeSet<>(envelope.recipients().stream().map(Recipient::order).toList()));
    ArrayNode sets = body.putArray("participantSetsInfo");
    for (Recipient r : envelope.recipients()) {
      ObjectNode set = sets.addObject();
      set.putArray("memberInfos").addObject().put("email", r.email()).put("name", r.name());
      set.put("order", envelope.mode() == SigningMode.PARALLEL ? 1 : steps.indexOf(r.order()) + 1);
      set.put("role", "SIGNER");
    }
    JsonNode created =
        session.call(
            (token, base) ->
                session
                    .http()
                    .post()
                    .uri(base + "/agreements")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(JsonNode.class));
    if (created == null || !created.hasNonNull("id")) {
      throw new IllegalStateException("Acrobat Sign created no agreement id");
    }
    return created.get("id").asText();
  }

  /** {@code GET /agreements/{id}} and {@code GET /agreements/{id}/members}. */
  @Override
  public EnvelopeStatus status(String agreementId) {
    JsonNode agreement = json("/agreements/" + agreementId);
    List<RecipientStatus> participants =
        AdobeSignStates.participants(json("/agreements/" + agreementId + "/members"));
    return new EnvelopeStatus(
        agreementId,
        AdobeSignStates.agreement(agreement.path("status").asText(null), participants),
        participants);
  }

  /** {@code PUT /agreements/{id}/state} to CANCELLED, unless it is closed already. */
  @Override
  public void cancel(String agreementId, String reason) {
    if (status(agreementId).state().isFinal()) {
      return;
    }
    ObjectNode body = JSON.createObjectNode().put("state", "CANCELLED");
    body.putObject("agreementCancellationInfo")
        .put("comment", reason == null ? "Cancelled" : reason)
        .put("notifyOthers", true);
    session.call(
        (token, base) ->
            session
                .http()
                .put()
                .uri(base + "/agreements/" + agreementId + "/state")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
  }

  /** {@code GET /agreements/{id}/combinedDocument}. */
  @Override
  public byte[] signedDocument(String agreementId) {
    return pdf("/agreements/" + agreementId + "/combinedDocument");
  }

  /** {@code GET /agreements/{id}/auditTrail}: the audit report PDF. */
  @Override
  public byte[] certificate(String agreementId) {
    return pdf("/agreements/" + agreementId + "/auditTrail");
  }

  /** {@code GET /agreements/{id}/events}. */
  @Override
  public List<AuditEntry> auditTrail(String agreementId) {
    List<AuditEntry> trail = new ArrayList<>();
    for (JsonNode event : json("/agreements/" + agreementId + "/events").path("events")) {
      Instant at;
      try {
        at = OffsetDateTime.parse(event.path("date").asText()).toInstant();
      } catch (RuntimeException e) {
        at = Instant.EPOCH;
      }
      trail.add(
          new AuditEntry(
              at,
              event.path("actingUserEmail").asText(null),
              event.path("type").asText(null),
              event.path("description").asText(null)));
    }
    trail.sort(Comparator.comparing(AuditEntry::at));
    return trail;
  }

  private JsonNode json(String path) {
    JsonNode body =
        session.call(
            (token, base) ->
                session
                    .http()
                    .get()
                    .uri(base + path)
                    .header("Authorization", "Bearer " + token)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(JsonNode.class));
    if (body == null) {
      throw new IllegalStateException("Acrobat Sign answered " + path + " with no body");
    }
    return body;
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
                    .accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_OCTET_STREAM)
                    .retrieve()
                    .body(byte[].class));
    if (bytes == null || bytes.length == 0) {
      throw new IllegalStateException("Acrobat Sign returned no PDF for " + path);
    }
    return bytes;
  }
}
