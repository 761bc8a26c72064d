package io.contractflow.signature.vendor;

import java.util.List;
import java.util.Map;

/**
 * One vendor's webhook at {@code /api/webhooks/esign/{provider}}: first {@link #verify} on the raw
 * call (nothing is parsed before it passes), then {@link #events} says what happened — re-read
 * through the vendor's API where its webhook carries no signature of its own.
 */
public interface VendorWebhook {

  /** The provider's name, as in the URL and in {@code SignatureProvider#name()}. */
  String provider();

  /**
   * Checks that the call comes from the vendor, from the raw body, headers and query only.
   *
   * @throws WebhookRejected if it does not
   */
  void verify(WebhookCall call);

  /** The events of a verified POST, each with its vendor-unique id. */
  List<VendorEvent> events(WebhookCall call);

  /** Headers to answer a verified call with (Adobe's client id echo). */
  default Map<String, String> acknowledgement(WebhookCall call) {
    return Map.of();
  }

  /**
   * Whether a verified GET is the vendor's verification of the URL (Adobe); others answer GET with
   * 405.
   */
  default boolean answersVerificationGet() {
    return false;
  }
}
