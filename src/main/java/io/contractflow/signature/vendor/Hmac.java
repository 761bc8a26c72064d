package io.contractflow.signature.vendor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a webhook's raw body, and a comparison that takes the same time wherever the bytes
 * differ.
 */
public final class Hmac {

  private Hmac() {}

  public static byte[] sha256(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean same(byte[] expected, byte[] given) {
    return given != null && MessageDigest.isEqual(expected, given);
  }
}
