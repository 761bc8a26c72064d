package io.contractflow.document.crypto;

import java.util.Map;

/**
 * Wraps data keys with master keys held in configuration, with AES-256-GCM. Several master keys may
 * be known (to read objects wrapped before a rotation); new keys are wrapped with the current one.
 */
public class LocalKeyWrapper implements KeyWrapper {

  private final String currentKeyId;
  private final Map<String, byte[]> masterKeys;

  public LocalKeyWrapper(String currentKeyId, Map<String, byte[]> masterKeys) {
    masterKeys.forEach(
        (id, key) -> {
          if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException(
                "Master key '" + id + "' must be 32 bytes (AES-256), is " + key.length);
          }
        });
    if (!masterKeys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException(
          "No master key with the current id '" + currentKeyId + "'");
    }
    this.currentKeyId = currentKeyId;
    this.masterKeys = Map.copyOf(masterKeys);
  }

  @Override
  public String currentKeyId() {
    return currentKeyId;
  }

  @Override
  public byte[] wrap(byte[] dataKey, byte[] associatedData) {
    return AesGcm.seal(masterKeys.get(currentKeyId), dataKey, associatedData);
  }

  @Override
  public byte[] unwrap(String keyId, byte[] wrappedKey, byte[] associatedData) {
    byte[] master = masterKeys.get(keyId);
    if (master == null) {
      throw new EncryptionException("Unknown master key '" + keyId + "'");
    }
    return AesGcm.open(master, wrappedKey, associatedData);
  }
}
