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
import org.springframework.http.MediaType;

/**
 * RightSignature as a signature provider (API v1): a sending request for a one-off document
 * ({@code POST /public/v1/sending_requests} with the document's name, roles in sequence and the callback URL), the PDF
 * PUT to the sending request's {@code upload_url}, {@code POST /sending_requests/{id}/uploaded}, then — RightSignature
 * makes the document asynchronously — {@code GET /sending_requests/{id}} until it names the document. The document's
 * id is the envelope id. The callback URL ends in a token of its own per request ({@link CallbackTokens}).
 *
 * <p>The JSON field names this adapter relies on beyond RightSignature's published examples are the constants below,
 * so that a difference from the live API is a one-line change.
 */
class RightSignatureSignatureProvider implements SignatureProvider {

  static final String NAME = "rightsignature";
  static final String CALLBACK_PATH = "/api/webhooks/esign/" + NAME + "/";

  /** The sending request's field naming the document once RightSignature has made it (not in the published example). */
  static final String SENDING_REQUEST_DOCUMENT_ID = "document_id";
  /** The document's pre-signed link to the executed PDF (as in RightSignature's archived-document example). */
  static final String SIGNED_PDF_URL = "signed_pdf_url";
  /** The document's pre-signed link to its audit trail / certificate PDF (not in the published examples). */
  static final String AUDIT_TRAIL_PDF_URL = "audit_trail_pdf_url";
  /** The document's audit events, each with {@code created_at}, {@code keyword}, {@code message} (not published). */
  static final String AUDITS = "audits";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RightSignatureSession session;
  private final RightSignatureProperties properties;
  private final CallbackTokens callbacks;
  private final URI publicBaseUrl;
  private final Clock clock;

  RightSignatureSignatureProvider(RightSignatureSession session, RightSignatureProperties properties,
      CallbackTokens callbacks, URI publicBaseUrl, Clock clock) {
    this.session = session;
    this.properties = properties;
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
    document.put("callback_url", publicBaseUrl.toString().replaceAll("/+$", "") + CALLBACK_PATH + token);
    document.putArray("tags").addObject().put("name", "contractflowRequestId")
        .put("value", envelope.requestId().toString());
    ArrayNode roles = document.putArray("roles");
    for (int i = 0; i < envelope.recipients().size(); i++) {
      Recipient r = envelope.recipients().get(i);
      roles.addObject().put("name", "Signer " + (i + 1)).put("signer_name", r.name()).put("signer_email", r.email())
          .put("sequence", envelope.mode() == SigningMode.SEQUENTIAL ? r.order() : 1);
    }
    JsonNode created = session.call(auth -> session.http().post().uri(session.api("/sending_requests"))
        .header("Authorization", auth).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
        .body(body).retrieve().body(JsonNode.class));
    JsonNode sendingRequest = created == null ? null : created.has("sending_request") ? created.get("sending_request")
        : created;
    if (sendingRequest == null || !sendingRequest.hasNonNull("id") || !sendingRequest.hasNonNull("upload_url")) {
      throw new IllegalStateException("RightSignature created no sending request with an upload_url");
    }
    String id = sendingRequest.get("id").asText();
    // a pre-signed storage URL: no Authorization header, and its query string used exactly as given
    session.http().put().uri(URI.create(sendingRequest.get("upload_url").asText()))
        .contentType(MediaType.APPLICATION_PDF).body(envelope.pdf()).retrieve().toBodilessEntity();
    session.call(auth -> session.http().post().uri(session.api("/sending_requests/" + id + "/uploaded"))
        .header("Authorization", auth).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
        .body("{}").retrieve().toBodilessEntity());
    String documentId = awaitDocument(id);
    callbacks.bind(token, envelope.requestId(), documentId);
    return documentId;
  }

  /** RightSignature's whole days until the request's expiry (at least one). */
  private long expiresInDays(Instant expiresAt) {
    Duration left = Duration.between(clock.instant(), expiresAt);
    long days = left.toDays() + (left.toDays() * 86_400 < left.toSeconds() ? 1 : 0);
    return Math.max(1, days);
  }

  /** The sending request's document, once RightSignature has made it of the upload. */
  private String awaitDocument(String sendingRequestId) {
    for (int attempt = 1; attempt <= properties.readyAttempts(); attempt++) {
      JsonNode request = json("/sending_requests/" + sendingRequestId);
      JsonNode inner = request.has("sending_request") ? request.get("sending_request") : request;
      if (inner.hasNonNull(SENDING_REQUEST_DOCUMENT_ID)) {
        return inner.get(SENDING_REQUEST_DOCUMENT_ID).asText();
      }
      String status = inner.path("status").asText("").toLowerCase(Locale.ROOT);
      if (status.equals("failed") || status.equals("error")) {
        throw new IllegalStateException("RightSignature could not process sending request " + sendingRequestId + ": "
            + inner.path("status_message").asText(""));
      }
      try {
        Thread.sleep(properties.readyInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while RightSignature processed " + sendingRequestId, e);
      }
    }
    throw new IllegalStateException("RightSignature sending request " + sendingRequestId + " named no document after "
        + properties.readyAttempts() + " checks");
  }

  /** {@code GET /public/v1/documents/{id}}. */
  @Override
  public EnvelopeStatus status(String id) {
    JsonNode document = document(id);
    List<RecipientStatus> recipients = RightSignatureStates.recipients(document.path("recipients"));
    return new EnvelopeStatus(id, RightSignatureStates.document(document.path("state").asText(null), recipients,
        RightSignatureStates.anyViewed(document.path("recipients"))), recipients);
  }

  /** {@code POST /public/v1/documents/{id}/void}, unless the document is closed already. */
  @Override
  public void cancel(String id, String reason) {
    if (status(id).state().isFinal()) {
      return;
    }
    session.call(auth -> session.http().post().uri(session.api("/documents/" + id + "/void"))
        .header("Authorization", auth).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
        .body("{\"document\":{}}").retrieve().toBodilessEntity());
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
        trail.add(new AuditEntry(at, NAME, audit.path("keyword").asText("event"), audit.path("message").asText(null)));
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
    JsonNode body = session.call(auth -> session.http().get().uri(session.api(path)).header("Authorization", auth)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
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
    byte[] bytes = session.http().get().uri(URI.create(url))
        .accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_OCTET_STREAM).retrieve().body(byte[].class);
    if (bytes == null || bytes.length == 0) {
      throw new IllegalStateException("RightSignature returned no PDF for " + field + " of document " + id);
    }
    return bytes;
  }
}
