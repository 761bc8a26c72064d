package io.contractflow.workflow.steps;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook's receiver knows the call is ours and fresh: {@value #TIMESTAMP} carries the time
 * of the call in seconds since the epoch, {@value #SIGNATURE} {@code sha256=} and the hex
 * HMAC-SHA256 of {@code <timestamp>.<body>} under the shared secret. The receiver computes the same
 * over the raw body, compares in constant time, and refuses a timestamp more than a few minutes
 * old.
 */
final class WebhookSignature {

  static final String TIMESTAMP = "X-ContractFlow-Timestamp";
  static final String SIGNATURE = "X-ContractFlow-Signature";
  static final String DELIVERY = "X-ContractFlow-Delivery";

  private WebhookSignature() {}

  static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
