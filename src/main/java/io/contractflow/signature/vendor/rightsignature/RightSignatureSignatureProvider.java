package io.contractflow.signature.vendor.rightsignature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.signature.SignatureProvider;
import io.contractflow.signature.SigningMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/**
 * RightSignature as a signature provider (API v1): a sending request for a one-off document ({@code
 * POST /public/v1/sending_requests} with the document's name, roles in sequence and the callback
 * URL), the PDF PUT to the sending request's {@code upload_url}, {@code POST
 * /sending_requests/{id}/uploaded}, then — RightSignature makes the document asynchronously —
 * {@code GET /sending_requests/{id}} in the process's next step ({@link #finishSending}, retried
 * until it names the document; until then the envelope id is {@code sending-request:<id>}). The
 * document's id is the envelope id. The callback URL ends in a token of its own per request ({@link
 * CallbackTokens}).
 *
 * <p>The JSON field names this adapter relies on beyond RightSignature's published examples are the
 * constants below, so that a difference from the live API is a one-line change.
 */
class RightSignatureSignatureProvider implements SignatureProvider {

  static final String NAME = "rightsignature";
  static final String CALLBACK_PATH = "/api/webhooks/esign/" + NAME + "/";

  /**
   * The sending request's field naming the document once RightSignature has made it (not in the
   * published example).
   */
  static final String SENDING_REQUEST_DOCUMENT_ID = "document_id";

  /**
   * The document's pre-signed link to the executed PDF (as in RightSignature's archived-document
   * example).
   */
  static final String SIGNED_PDF_URL = "signed_pdf_url";

  /**
   * The document's pre-signed link to its audit trail / certificate PDF (not in the published
   * examples).
   */
  static final String AUDIT_TRAIL_PDF_URL = "audit_trail_pdf_url";

  /**
   * The document's audit events, each with {@code created_at}, {@code keyword}, {@code message}
   * (not published).
   */
  static final String AUDITS = "audits";

  /** An envelope id for a sending request whose document RightSignature has not made yet. */
  static final String PENDING = "sending-request:";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RightSignatureSession session;
  private final CallbackTokens callbacks;
  private final URI publicBaseUrl;
  private final Clock clock;

  RightSignatureSignatureProvider(
      RightSignatureSession session, CallbackTokens callbacks, URI publicBaseUrl, Clock clock) {
    this.session = session;
    this.callbacks = callbacks;
    this.publicBaseUrl = publicBaseUrl;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String send(Envelope envelope) {
    String token = callbacks.issue();
    ObjectNode body = JSON.createObjectNode();
    body.putObject("file").put("name", envelope.documentName()).put("source", "upload");
    ObjectNode document = body.putObject("document");
    document.put("name", envelope.contractReference() + ": " + envelope.contractTitle());
    document.put("filename", envelope.documentName());
    document.put("message", "Please review and sign " + envelope.contractTitle() + ".");
    document.put("signer_sequencing", envelope.mode() == SigningMode.SEQUENTIAL);
    document.put("expires_in", expiresInDays(envelope.expiresAt()));
    document.put(
        "callback_url", publicBaseUrl.toString().replaceAll("/+$", "") + CALLBACK_PATH + token);
    document
        .putArray("tags")
        .addObject()
        .put("name", "contractflowRequestId")
        .put("value", envelope.requestId().toString());
    ArrayNode roles = document.putArray("roles");
    for (int i = 0; i < envelope.recipients().size(); i++) {
      Recipient r = envelope.recipients().get(i);
      roles
          .addObject()
          .put("name", "Signer " + (i + 1))
          .put("signer_name", r.name())
          .put("signer_email", r.email())
          .put("sequence", envelope.mode() == SigningMode.SEQUENTIAL ? r.order() : 1);
    }
    JsonNode created =
        session.call(
            auth ->
                session
                    .http()
                    .post()
                    .uri(session.api("/sending_requests"))
                    .header("Authorization", auth)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(JsonNode.class));
    JsonNode sendingRequest =
        created == null
            ? null
            : created.has("sending_request") ? created.get("sending_request") : created;
    if (sendingRequest == null
        || !sendingRequest.hasNonNull("id")
        || !sendingRequest.hasNonNull("upload_url")) {
      throw new IllegalStateException(
          "RightSignature created no sending request with an upload_url");
    }
    String id = sendingRequest.get("id").asText();
    // a pre-signed storage URL: no Authorization header, and its query string used exactly as given
    session
        .http()
        .put()
        .uri(URI.create(sendingRequest.get("upload_url").asText()))
        .contentType(MediaType.APPLICATION_PDF)
        .body(envelope.pdf())
        .retrieve()
        .toBodilessEntity();
    session.call(
        auth ->
            session
                .http()
                .post()
                .uri(session.api("/sending_requests/" + id + "/uploaded"))
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body("{}")
                .retrieve()
                .toBodilessEntity());
    // RightSignature makes the document (and sends it) on its own time: the step after the send
    // learns its id
    String pending = PENDING + id;
    callbacks.bind(token, envelope.requestId(), pending);
    return pending;
  }

  /** RightSignature's whole days until the request's expiry (at least one). */
  private long expiresInDays(Instant expiresAt) {
    Duration left = Duration.between(clock.instant(), expiresAt);
    long days = left.toDays() + (left.toDays() * 86_400 < left.toSeconds() ? 1 : 0);
    return Math.max(1, days);
  }

  /**
   * The sending request's document, once RightSignature has made it of the upload (its callback
   * token then names the document); empty while RightSignature is still making it, and the process
   * looks again later. A document id is answered as it is.
   */
  @Override
  public Optional<String> finishSending(String envelopeId) {
    if (!envelopeId.startsWith(PENDING)) {
      return Optional.of(envelopeId);
    }
    String sendingRequestId = envelopeId.substring(PENDING.length());
    JsonNode request = json("/sending_requests/" + sendingRequestId);
    JsonNode inner = request.has("sending_request") ? request.get("sending_request") : request;
    if (inner.hasNonNull(SENDING_REQUEST_DOCUMENT_ID)) {
      String documentId = inner.get(SENDING_REQUEST_DOCUMENT_ID).asText();
      callbacks.rename(envelopeId, documentId);
      return Optional.of(documentId);
    }
    String status = inner.path("status").asText("").toLowerCase(Locale.ROOT);
    if (status.equals("failed") || status.equals("error")) {
      throw new IllegalStateException(
          "RightSignature could not process sending request "
              + sendingRequestId
              + ": "
              + inner.path("status_message").asText(""));
    }
    return Optional.empty();
  }

  /**
   * The envelope's id as RightSignature knows it: the document's, once a pending sending request
   * has made it.
   */
  String resolved(String envelopeId) {
    return finishSending(envelopeId).orElse(envelopeId);
  }

  /** {@code GET /public/v1/documents/{id}}. */
  @Override
  public EnvelopeStatus status(String id) {
    if (id.startsWith(PENDING)) {
      return new EnvelopeStatus(
          id, EnvelopeState.SENT, List.of()); // RightSignature is still making the document
    }
    JsonNode document = document(id);
    List<RecipientStatus> recipients = RightSignatureStates.recipients(document.path("recipients"));
    return new EnvelopeStatus(
        id,
        RightSignatureStates.document(
            document.path("state").asText(null),
            recipients,
            RightSignatureStates.anyViewed(document.path("recipients"))),
        recipients);
  }

  /** {@code POST /public/v1/documents/{id}/void}, unless the document is closed already. */
  @Override
  public void cancel(String envelopeId, String reason) {
    String id = resolved(envelopeId);
    if (id.startsWith(PENDING)) {
      throw new IllegalStateException(
          "RightSignature has not made the document of " + id + " yet; void it there");
    }
    if (status(id).state().isFinal()) {
      return;
    }
    session.call(
        auth ->
            session
                .http()
                .post()
                .uri(session.api("/documents/" + id + "/void"))
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body("{\"document\":{}}")
                .retrieve()
                .toBodilessEntity());
  }

  /** The executed PDF, from the document's {@code signed_pdf_url}. */
  @Override
  public byte[] signedDocument(String id) {
    return pdf(id, SIGNED_PDF_URL);
  }

  /** The audit trail / certificate PDF, from the document's {@code audit_trail_pdf_url}. */
  @Override
  public byte[] certificate(String id) {
    return pdf(id, AUDIT_TRAIL_PDF_URL);
  }

  /** The document's audit events, or without them its dates. */
  @Override
  public List<AuditEntry> auditTrail(String id) {
    JsonNode document = document(id);
    List<AuditEntry> trail = new ArrayList<>();
    for (JsonNode audit : document.path(AUDITS)) {
      Instant at = RightSignatureStates.time(audit.path("created_at").asText(null));
      if (at != null) {
        trail.add(
            new AuditEntry(
                at,
                NAME,
                audit.path("keyword").asText("event"),
                audit.path("message").asText(null)));
      }
    }
    if (trail.isEmpty()) {
      add(trail, document.path("sent_at").asText(null), "sent");
      add(trail, document.path("executed_at").asText(null), "executed");
    }
    return trail;
  }

  private static void add(List<AuditEntry> trail, String at, String action) {
    Instant time = RightSignatureStates.time(at);
    if (time != null) {
      trail.add(new AuditEntry(time, NAME, action, null));
    }
  }

  private JsonNode document(String id) {
    JsonNode body = json("/documents/" + id);
    return body.has("document") ? body.get("document") : body;
  }

  private JsonNode json(String path) {
    JsonNode body =
        session.call(
            auth ->
                session
                    .http()
                    .get()
                    .uri(session.api(path))
                    .header("Authorization", auth)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(JsonNode.class));
    if (body == null) {
      throw new IllegalStateException("RightSignature answered " + path + " with no body");
    }
    return body;
  }

  /** A PDF behind one of the document's pre-signed links (fetched without our credentials). */
  private byte[] pdf(String id, String field) {
    String url = document(id).path(field).asText(null);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("RightSignature document " + id + " has no " + field);
    }
    byte[] bytes =
        session
            .http()
            .get()
            .uri(URI.create(url))
            .accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_OCTET_STREAM)
            .retrieve()
            .body(byte[].class);
    if (bytes == null || bytes.length == 0) {
      throw new IllegalStateException(
          "RightSignature returned no PDF for " + field + " of document " + id);
    }
    return bytes;
  }
}
