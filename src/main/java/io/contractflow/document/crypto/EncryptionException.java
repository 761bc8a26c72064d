package io.contractflow.document.crypto;

/**
 * An object could not be encrypted or, more often, decrypted: tampered with, bound to another id,
 * or wrong key.
 */
public class EncryptionException extends RuntimeException {

  public EncryptionException(String message, Throwable cause) {
    super(message, cause);
  }

  public EncryptionException(String message) {
    super(message);
  }
}
