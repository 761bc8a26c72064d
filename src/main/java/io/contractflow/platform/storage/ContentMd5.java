package io.contractflow.platform.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The {@code Content-MD5} of a body sent to object storage (base64 of its MD5): the store refuses a
 * body that was damaged on the way, and S3 requires it on uploads with Object Lock.
 */
public final class ContentMd5 {

  private ContentMd5() {}

  public static String of(byte[] content) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is a required JDK algorithm", e);
    }
  }
}
