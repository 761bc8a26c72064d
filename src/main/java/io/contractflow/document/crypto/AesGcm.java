package io.contractflow.document.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit IV per message and a 128-bit tag; the IV travels in front of the
 * ciphertext.
 */
final class AesGcm {

  static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private AesGcm() {}

  static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  /**
   * @return IV followed by ciphertext and tag
   */
  static byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData);
      byte[] sealed = new byte[IV_BYTES + cipher.getOutputSize(plaintext.length)];
      System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
      cipher.doFinal(plaintext, 0, plaintext.length, sealed, IV_BYTES);
      return sealed;
    } catch (GeneralSecurityException e) {
      throw new EncryptionException("Encryption failed", e);
    }
  }

  static byte[] open(byte[] key, byte[] sealed, byte[] associatedData) {
    if (sealed.length < IV_BYTES + TAG_BITS / 8) {
      throw new EncryptionException("The encrypted data is truncated");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new EncryptionException(
          "Decryption failed: the data was changed or belongs to another object", e);
    }
  }
}
