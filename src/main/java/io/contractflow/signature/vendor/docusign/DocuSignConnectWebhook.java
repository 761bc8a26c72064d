package io.contractflow.signature.vendor.docusign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.signature.SignatureProvider.EnvelopeState;
import io.contractflow.signature.SignatureProvider.EnvelopeStatus;
import io.contractflow.signature.SignatureProvider.RecipientStatus;
import io.contractflow.signature.vendor.Hmac;
import io.contractflow.signature.vendor.VendorEvent;
import io.contractflow.signature.vendor.VendorWebhook;
import io.contractflow.signature.vendor.WebhookCall;
import io.contractflow.signature.vendor.WebhookRejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * DocuSign Connect (JSON SIM messages) with HMAC: the raw body's HMAC-SHA256, base64, must equal
 * one of the {@code X-DocuSign-Signature-1..N} headers under one of our keys — several keys are
 * accepted, so a key can be rotated. The event's id is derived from what identifies it (event,
 * envelope, recipient, generation time), which a retried delivery repeats.
 */
class DocuSignConnectWebhook implements VendorWebhook {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_SIGNATURES = 100;

  private final DocuSignProperties properties;

  DocuSignConnectWebhook(DocuSignProperties properties) {
    this.properties = properties;
  }

  @Override
  public String provider() {
    return DocuSignSignatureProvider.NAME;
  }

  @Override
  public void verify(WebhookCall call) {
    if (properties.connectHmacKeys().isEmpty()) {
      throw new WebhookRejected("no Connect HMAC key is configured");
    }
    for (String key : properties.connectHmacKeys()) {
      byte[] expected = Hmac.sha256(key, call.body());
      for (int i = 1; i <= MAX_SIGNATURES; i++) {
        String header = call.header("X-DocuSign-Signature-" + i);
        if (header == null) {
          break;
        }
        if (Hmac.same(expected, decode(header))) {
          return;
        }
      }
    }
    throw new WebhookRejected(
        call.header("X-DocuSign-Signature-1") == null
            ? "no X-DocuSign-Signature-1 header"
            : "no X-DocuSign-Signature-N header matches the body under a configured key");
  }

  @Override
  public List<VendorEvent> events(WebhookCall call) {
    JsonNode message;
    try {
      message = JSON.readTree(call.body());
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    String event = message.path("event").asText(null);
    String envelopeId = message.path("data").path("envelopeId").asText(null);
    if (event == null || envelopeId == null) {
      throw new IllegalArgumentException("no event or data.envelopeId");
    }
    EnvelopeState state = DocuSignStates.event(event);
    JsonNode summary = message.path("data").path("envelopeSummary");
    List<RecipientStatus> recipients = DocuSignStates.signers(summary.path("recipients"));
    if (summary.hasNonNull("status") && !event.startsWith("recipient-")) {
      state =
          DocuSignStates.envelope(
              summary.get("status").asText(), summary.path("voidedReason").asText(null), false);
    }
    String id =
        sha256(
            event
                + "|"
                + envelopeId
                + "|"
                + message.path("data").path("recipientId").asText("")
                + "|"
                + message.path("generatedDateTime").asText(""));
    return List.of(new VendorEvent(id, new EnvelopeStatus(envelopeId, state, recipients)));
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      return null;
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
