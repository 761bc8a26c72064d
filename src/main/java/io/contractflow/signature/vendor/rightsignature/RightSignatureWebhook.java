package io.contractflow.signature.vendor.rightsignature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.signature.SignatureProvider.EnvelopeStatus;
import io.contractflow.signature.SignatureProvider.RecipientStatus;
import io.contractflow.signature.vendor.VendorEvent;
import io.contractflow.signature.vendor.VendorWebhook;
import io.contractflow.signature.vendor.WebhookCall;
import io.contractflow.signature.vendor.WebhookRejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * RightSignature callbacks at {@code /api/webhooks/esign/rightsignature/{token}}. RightSignature
 * signs nothing, so the token in the URL is the proof: it must be one the platform issued for a
 * request (only its hash is stored, see {@link CallbackTokens}), and the call is then only a hint
 * about that request's document — which is re-read through the API; the body is never believed. A
 * body that names another document than the token's is refused. The event's id is derived from what
 * the re-read found (document, state, each signer's state), so a repeated callback for an unchanged
 * document is a duplicate.
 */
class RightSignatureWebhook implements VendorWebhook {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CallbackTokens callbacks;
  private final RightSignatureSignatureProvider provider;

  RightSignatureWebhook(CallbackTokens callbacks, RightSignatureSignatureProvider provider) {
    this.callbacks = callbacks;
    this.provider = provider;
  }

  @Override
  public String provider() {
    return RightSignatureSignatureProvider.NAME;
  }

  @Override
  public void verify(WebhookCall call) {
    if (call.path() == null || call.path().isBlank()) {
      throw new WebhookRejected("no callback token in the URL");
    }
    String envelope =
        callbacks
            .envelope(call.path())
            .map(provider::resolved)
            .orElseThrow(() -> new WebhookRejected("not a callback token the platform issued"));
    named(call)
        .filter(named -> !named.equals(envelope))
        .ifPresent(
            named -> {
              throw new WebhookRejected("the callback names another document than its token's");
            });
  }

  /** The token's document, re-read through the API. */
  @Override
  public List<VendorEvent> events(WebhookCall call) {
    String envelope =
        callbacks
            .envelope(call.path())
            .map(provider::resolved)
            .orElseThrow(() -> new WebhookRejected("not a callback token the platform issued"));
    EnvelopeStatus status = provider.status(envelope);
    StringBuilder seen = new StringBuilder(envelope).append('|').append(status.state());
    for (RecipientStatus r : status.recipients()) {
      seen.append('|').append(r.email()).append('=').append(r.state());
    }
    return List.of(new VendorEvent("callback:" + sha256(seen.toString()), status));
  }

  /**
   * The document id the body names, if it is JSON that names one ({@code document.id}, {@code
   * document_id}, {@code id}).
   */
  private static Optional<String> named(WebhookCall call) {
    if (call.body().length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode body = JSON.readTree(call.body());
      if (body == null || !body.isObject()) {
        return Optional.empty();
      }
      JsonNode id = body.path("document").path("id");
      if (id.isMissingNode() || id.isNull()) {
        id = body.hasNonNull("document_id") ? body.get("document_id") : body.path("id");
      }
      return id.isValueNode() && !id.isNull() ? Optional.of(id.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
