package io.contractflow.signature.vendor.adobesign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.signature.vendor.Hmac;
import io.contractflow.signature.vendor.VendorEvent;
import io.contractflow.signature.vendor.VendorWebhook;
import io.contractflow.signature.vendor.WebhookCall;
import io.contractflow.signature.vendor.WebhookRejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Acrobat Sign webhooks: every call (the verification GET and each POST) carries {@code
 * X-AdobeSign-ClientId}, which must be our app's client id and is echoed back in the response
 * header. The client id is no secret, so a notification is only a hint: the agreement is re-read
 * through the API and its state there is what counts.
 */
class AdobeSignWebhook implements VendorWebhook {

  static final String CLIENT_ID_HEADER = "X-AdobeSign-ClientId";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AdobeSignProperties properties;
  private final AdobeSignSignatureProvider provider;

  AdobeSignWebhook(AdobeSignProperties properties, AdobeSignSignatureProvider provider) {
    this.properties = properties;
    this.provider = provider;
  }

  @Override
  public String provider() {
    return AdobeSignSignatureProvider.NAME;
  }

  @Override
  public boolean answersVerificationGet() {
    return true;
  }

  @Override
  public void verify(WebhookCall call) {
    String given = call.header(CLIENT_ID_HEADER);
    if (given == null) {
      throw new WebhookRejected("no " + CLIENT_ID_HEADER + " header");
    }
    if (properties.clientId() == null
        || !Hmac.same(
            properties.clientId().getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8))) {
      throw new WebhookRejected(CLIENT_ID_HEADER + " is not our client id");
    }
  }

  @Override
  public Map<String, String> acknowledgement(WebhookCall call) {
    return Map.of(CLIENT_ID_HEADER, call.header(CLIENT_ID_HEADER));
  }

  /**
   * The notification's agreement, re-read: its state at Acrobat Sign, under the notification's id.
   */
  @Override
  public List<VendorEvent> events(WebhookCall call) {
    JsonNode notification;
    try {
      notification = JSON.readTree(call.body());
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    String id = notification.path("webhookNotificationId").asText(null);
    String agreementId = notification.path("agreement").path("id").asText(null);
    if (id == null) {
      throw new IllegalArgumentException("no webhookNotificationId");
    }
    if (agreementId == null) {
      return List.of();
    }
    return List.of(new VendorEvent(id, provider.status(agreementId)));
  }
}
