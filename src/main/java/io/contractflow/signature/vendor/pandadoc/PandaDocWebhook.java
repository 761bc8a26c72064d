package io.contractflow.signature.vendor.pandadoc;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * PandaDoc webhooks: the {@code signature} query parameter is the hex HMAC-SHA256 of the raw body
 * under the subscription's shared key. A body is an array that may carry several events; each one's
 * id is the delivery's {@code X-PandaDoc-Webhook-Event-Id} with its position, or, without that
 * header, derived from the event.
 */
class PandaDocWebhook implements VendorWebhook {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PandaDocProperties properties;

  PandaDocWebhook(PandaDocProperties properties) {
    this.properties = properties;
  }

  @Override
  public String provider() {
    return PandaDocSignatureProvider.NAME;
  }

  @Override
  public void verify(WebhookCall call) {
    String key = properties.webhookSharedKey();
    if (key == null || key.isBlank()) {
      throw new WebhookRejected("no PandaDoc webhook shared key is configured");
    }
    String signature = call.query("signature");
    if (signature == null) {
      throw new WebhookRejected("no signature parameter");
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signature.strip().toLowerCase());
    } catch (IllegalArgumentException e) {
      throw new WebhookRejected("the signature is not hex");
    }
    if (!Hmac.same(Hmac.sha256(key, call.body()), given)) {
      throw new WebhookRejected("the signature does not match the body");
    }
  }

  @Override
  public List<VendorEvent> events(WebhookCall call) {
    JsonNode body;
    try {
      body = JSON.readTree(call.body());
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    if (body == null || !body.isArray()) {
      throw new IllegalArgumentException("the body is not an array of events");
    }
    String delivery = call.header("X-PandaDoc-Webhook-Event-Id");
    List<VendorEvent> events = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode event = body.get(i);
      JsonNode data = event.path("data");
      String id = data.path("id").asText(null);
      String name = event.path("event").asText("");
      if (id == null) {
        continue;
      }
      List<RecipientStatus> recipients = PandaDocStates.recipients(data.path("recipients"));
      EnvelopeState state =
          switch (name) {
            case "document_state_changed", "document_completed_pdf_ready" ->
                PandaDocStates.document(data.path("status").asText(null), recipients);
            case "recipient_completed" -> EnvelopeState.PARTIALLY_SIGNED;
            case "document_creation_failed" -> EnvelopeState.ERROR;
            default -> null;
          };
      if (state == null) {
        continue;
      }
      String eventId =
          delivery != null
              ? delivery + "#" + i
              : sha256(
                  name
                      + "|"
                      + id
                      + "|"
                      + data.path("status").asText("")
                      + "|"
                      + data.path("date_modified").asText(""));
      events.add(new VendorEvent(eventId, new EnvelopeStatus(id, state, recipients)));
    }
    return events;
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
