package io.contractflow.signature.vendor.docusign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.signature.SignatureProvider.EnvelopeState;
import io.contractflow.signature.vendor.Hmac;
import io.contractflow.signature.vendor.VendorEvent;
import io.contractflow.signature.vendor.WebhookCall;
import io.contractflow.signature.vendor.WebhookRejected;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocuSignConnectWebhookTest {

  private static final String BODY =
      "{\"event\":\"envelope-completed\",\"generatedDateTime\":\"2026-11-26T01:10:00Z\","
          + "\"data\":{\"envelopeId\":\"env-1\",\"envelopeSummary\":{\"status\":\"completed\",\"recipients\":{\"signers\":"
          + "[{\"email\":\"ann@example.com\",\"name\":\"Ann\",\"status\":\"completed\"}]}}}}";

  private final DocuSignConnectWebhook webhook =
      new DocuSignConnectWebhook(
          new DocuSignProperties(
              true,
              URI.create("https://account-d.docusign.com"),
              "ik",
              "user",
              null,
              null,
              "signature impersonation",
              List.of("key-a", "key-b"),
              Duration.ofSeconds(1),
              Duration.ofSeconds(1)));

  private static WebhookCall call(String body, String... headers) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i].toLowerCase(), headers[i + 1]);
    }
    return new WebhookCall("POST", body.getBytes(StandardCharsets.UTF_8), map, Map.of(), null);
  }

  private static String sign(String key, String body) {
    return Base64.getEncoder()
        .encodeToString(Hmac.sha256(key, body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anyConfiguredKeyInAnySignatureHeaderVerifies() {
    webhook.verify(call(BODY, "X-DocuSign-Signature-1", sign("key-a", BODY)));
    webhook.verify(call(BODY, "X-DocuSign-Signature-1", sign("key-b", BODY)));
    webhook.verify(
        call(
            BODY,
            "X-DocuSign-Signature-1",
            sign("retired", BODY),
            "X-DocuSign-Signature-2",
            sign("key-b", BODY)));
  }

  @Test
  void unsignedForgedOrAlteredBodiesAreRejected() {
    assertThatThrownBy(() -> webhook.verify(call(BODY))).isInstanceOf(WebhookRejected.class);
    assertThatThrownBy(
            () -> webhook.verify(call(BODY, "X-DocuSign-Signature-1", sign("guess", BODY))))
        .isInstanceOf(WebhookRejected.class);
    assertThatThrownBy(
            () ->
                webhook.verify(
                    call(
                        BODY.replace("completed", "declined"),
                        "X-DocuSign-Signature-1",
                        sign("key-a", BODY))))
        .isInstanceOf(WebhookRejected.class);
    assertThatThrownBy(() -> webhook.verify(call(BODY, "X-DocuSign-Signature-1", "%%%")))
        .isInstanceOf(WebhookRejected.class);
    DocuSignConnectWebhook noKeys =
        new DocuSignConnectWebhook(
            new DocuSignProperties(
                true,
                URI.create("https://account-d.docusign.com"),
                "ik",
                "user",
                null,
                null,
                "s",
                List.of(" "),
                Duration.ZERO,
                Duration.ZERO));
    assertThatThrownBy(() -> noKeys.verify(call(BODY, "X-DocuSign-Signature-1", sign(" ", BODY))))
        .as("no key configured: nothing verifies")
        .isInstanceOf(WebhookRejected.class);
  }

  @Test
  void aRetriedDeliveryKeepsItsEventId() {
    VendorEvent first = webhook.events(call(BODY)).get(0);
    VendorEvent retry =
        webhook.events(call(BODY.replace("{\"event\"", "{\"retryCount\":3,\"event\""))).get(0);
    assertThat(retry.eventId()).isEqualTo(first.eventId());
    assertThat(first.status().state()).isEqualTo(EnvelopeState.COMPLETED);
    assertThat(first.status().envelopeId()).isEqualTo("env-1");
    assertThat(first.status().recipients()).hasSize(1);
  }

  @Test
  void docuSignsVocabularyMapsOntoTheStatusModel() {
    assertThat(DocuSignStates.envelope("sent", null, false)).isEqualTo(EnvelopeState.SENT);
    assertThat(DocuSignStates.envelope("delivered", null, false)).isEqualTo(EnvelopeState.VIEWED);
    assertThat(DocuSignStates.envelope("delivered", null, true))
        .isEqualTo(EnvelopeState.PARTIALLY_SIGNED);
    assertThat(DocuSignStates.envelope("completed", null, true)).isEqualTo(EnvelopeState.COMPLETED);
    assertThat(DocuSignStates.envelope("declined", null, false)).isEqualTo(EnvelopeState.DECLINED);
    assertThat(DocuSignStates.envelope("voided", "Cancelled by sender", false))
        .isEqualTo(EnvelopeState.VOIDED);
    assertThat(DocuSignStates.envelope("voided", "Envelope has expired.", false))
        .isEqualTo(EnvelopeState.EXPIRED);
    assertThat(DocuSignStates.envelope("something-new", null, false))
        .isEqualTo(EnvelopeState.ERROR);
    assertThat(DocuSignStates.event("recipient-completed"))
        .isEqualTo(EnvelopeState.PARTIALLY_SIGNED);
    assertThat(DocuSignStates.event("envelope-voided")).isEqualTo(EnvelopeState.VOIDED);
    assertThat(EnvelopeState.VIEWED.isAfter(EnvelopeState.SENT)).isTrue();
    assertThat(EnvelopeState.SENT.isAfter(EnvelopeState.VIEWED)).as("never backwards").isFalse();
    assertThat(EnvelopeState.DECLINED.isAfter(EnvelopeState.COMPLETED))
        .as("nothing after a final state")
        .isFalse();
    assertThat(EnvelopeState.ERROR.isAfter(null)).isFalse();
  }
}
