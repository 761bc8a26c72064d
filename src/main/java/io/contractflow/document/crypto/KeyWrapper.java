package io.contractflow.document.crypto;

/**
 * Wraps and unwraps data keys with a master key that never leaves it: the plug point for a KMS. The
 * associated data binds a wrapped key to the object it protects, so a wrapped key moved to another
 * object does not unwrap.
 */
public interface KeyWrapper {

  /**
   * The id of the master key that {@link #wrap} uses now; stored beside each wrapped key for
   * rotation.
   */
  String currentKeyId();

  byte[] wrap(byte[] dataKey, byte[] associatedData);

  /**
   * @throws EncryptionException when the key id is unknown or the wrapped key or its binding was
   *     tampered with
   */
  byte[] unwrap(String keyId, byte[] wrappedKey, byte[] associatedData);
}
