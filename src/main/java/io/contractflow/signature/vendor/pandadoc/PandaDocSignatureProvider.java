package io.contractflow.signature.vendor.pandadoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.signature.SignatureProvider;
import io.contractflow.signature.SigningMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * PandaDoc as a signature provider (API v1): the PDF uploaded as a document ({@code POST
 * /public/v1/documents}, multipart {@code file} + {@code data}) with its recipients in signing
 * order, then — once PandaDoc has processed it (document.draft), in the process's next step ({@link
 * #finishSending}) — sent ({@code POST /documents/{id}/send}).
 */
class PandaDocSignatureProvider implements SignatureProvider {

  static final String NAME = "pandadoc";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PandaDocSession session;

  PandaDocSignatureProvider(PandaDocSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String send(Envelope envelope) {
    ObjectNode data = JSON.createObjectNode();
    data.put("name", envelope.contractReference() + ": " + envelope.contractTitle());
    data.put("parse_form_fields", false);
    data.putObject("metadata").put("contractflowRequestId", envelope.requestId().toString());
    ArrayNode recipients = data.putArray("recipients");
    for (int i = 0; i < envelope.recipients().size(); i++) {
      Recipient r = envelope.recipients().get(i);
      int space = r.name().lastIndexOf(' ');
      ObjectNode recipient =
          recipients
              .addObject()
              .put("email", r.email())
              .put("first_name", space < 0 ? r.name() : r.name().substring(0, space))
              .put("last_name", space < 0 ? "" : r.name().substring(space + 1))
              .put("role", "signer" + (i + 1));
      if (envelope.mode() == SigningMode.SEQUENTIAL) {
        recipient.put("signing_order", r.order());
      }
    }
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders pdfHeaders = new HttpHeaders();
    pdfHeaders.setContentType(MediaType.APPLICATION_PDF);
    parts.add(
        "file",
        new HttpEntity<>(
            new ByteArrayResource(envelope.pdf()) {
              @Override
              public String getFilename() {
                return envelope.documentName();
              }
            },
            pdfHeaders));
    parts.add("data", data.toString());
    JsonNode created =
        session.call(
            auth ->
                session
                    .http()
                    .post()
                    .uri(session.url("/public/v1/documents"))
                    .header("Authorization", auth)
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(parts)
                    .retrieve()
                    .body(JsonNode.class));
    if (created == null || !created.hasNonNull("id")) {
      throw new IllegalStateException("PandaDoc created no document id");
    }
    return created.get("id").asText();
  }

  /**
   * PandaDoc processes an upload asynchronously: the document can be sent once it is
   * document.draft. Until then this answers empty and the process looks again later; a document
   * sent already stays as it is.
   */
  @Override
  public Optional<String> finishSending(String id) {
    JsonNode document = json("/public/v1/documents/" + id);
    String status = document.path("status").asText("");
    switch (status) {
      case "document.uploaded", "":
        return Optional.empty();
      case "document.error":
        throw new IllegalStateException("PandaDoc could not process document " + id);
      case "document.draft":
        break;
      default:
        return Optional.of(id); // sent already (a retried step)
    }
    // the document's name is "<reference>: <title>" (see send)
    String name = document.path("name").asText("");
    int colon = name.indexOf(": ");
    ObjectNode send =
        JSON.createObjectNode()
            .put("subject", "Please sign " + (colon < 0 ? name : name.substring(0, colon)))
            .put(
                "message",
                "Please review and sign " + (colon < 0 ? name : name.substring(colon + 2)) + ".")
            .put("silent", false);
    session.call(
        auth ->
            session
                .http()
                .post()
                .uri(session.url("/public/v1/documents/" + id + "/send"))
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .body(send)
                .retrieve()
                .toBodilessEntity());
    return Optional.of(id);
  }

  /** {@code GET /public/v1/documents/{id}/details}. */
  @Override
  public EnvelopeStatus status(String id) {
    JsonNode details = json("/public/v1/documents/" + id + "/details");
    List<RecipientStatus> recipients = PandaDocStates.recipients(details.path("recipients"));
    return new EnvelopeStatus(
        id, PandaDocStates.document(details.path("status").asText(null), recipients), recipients);
  }

  /**
   * {@code PATCH /public/v1/documents/{id}/status} to 11 (PandaDoc's "voided"/expired), unless it
   * is closed.
   */
  @Override
  public void cancel(String id, String reason) {
    if (status(id).state().isFinal()) {
      return;
    }
    ObjectNode body =
        JSON.createObjectNode()
            .put("status", 11)
            .put("note", reason == null ? "Cancelled" : reason)
            .put("notify_recipients", true);
    session.call(
        auth ->
            session
                .http()
                .patch()
                .uri(session.url("/public/v1/documents/" + id + "/status"))
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
  }

  /** {@code GET /public/v1/documents/{id}/download}: the completed PDF. */
  @Override
  public byte[] signedDocument(String id) {
    return pdf("/public/v1/documents/" + id + "/download");
  }

  /**
   * {@code GET /public/v1/documents/{id}/download-protected}: the digitally sealed copy from
   * PandaDoc's e-vault.
   */
  @Override
  public byte[] certificate(String id) {
    return pdf("/public/v1/documents/" + id + "/download-protected");
  }

  /** The document's dates, from its details (PandaDoc's API has no event list). */
  @Override
  public List<AuditEntry> auditTrail(String id) {
    JsonNode details = json("/public/v1/documents/" + id + "/details");
    List<AuditEntry> trail = new ArrayList<>();
    add(trail, details.path("date_created").asText(null), "created");
    add(trail, details.path("date_sent").asText(null), "sent");
    add(trail, details.path("date_completed").asText(null), "completed");
    return trail;
  }

  private static void add(List<AuditEntry> trail, String at, String action) {
    if (at != null) {
      try {
        Instant time = OffsetDateTime.parse(at).toInstant();
        trail.add(new AuditEntry(time, NAME, action, null));
      } catch (RuntimeException ignored) {
        // an unreadable date is left out
      }
    }
  }

  private JsonNode json(String path) {
    JsonNode body =
        session.call(
            auth ->
                session
                    .http()
                    .get()
                    .uri(session.url(path))
                    .header("Authorization", auth)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(JsonNode.class));
    if (body == null) {
      throw new IllegalStateException("PandaDoc answered " + path + " with no body");
    }
    return body;
  }

  private byte[] pdf(String path) {
    byte[] bytes =
        session.call(
            auth ->
                session
                    .http()
                    .get()
                    .uri(session.url(path))
                    .header("Authorization", auth)
                    .accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_OCTET_STREAM)
                    .retrieve()
                    .body(byte[].class));
    if (bytes == null || bytes.length == 0) {
      throw new IllegalStateException("PandaDoc returned no PDF for " + path);
    }
    return bytes;
  }
}
