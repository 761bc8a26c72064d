package io.contractflow.document.crypto;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Envelope encryption of stored objects: each object gets a fresh AES-256-GCM data key; the data
 * key is wrapped by the master key ({@link KeyWrapper}); both the content and the wrapped key are
 * bound to the object's id as associated data, so an object (or its key) moved under another id
 * does not decrypt.
 *
 * <p>Stored layout: {@code "CFE1" | keyId (UTF) | wrapped key (length-prefixed) | IV + ciphertext +
 * tag}.
 */
public class EnvelopeEncryption {

  private static final byte[] MAGIC = "CFE1".getBytes(StandardCharsets.US_ASCII);

  private final KeyWrapper keyWrapper;

  public EnvelopeEncryption(KeyWrapper keyWrapper) {
    this.keyWrapper = keyWrapper;
  }

  public byte[] encrypt(byte[] plaintext, String objectId) {
    byte[] aad = objectId.getBytes(StandardCharsets.UTF_8);
    byte[] dataKey = AesGcm.newKey();
    try {
      byte[] wrapped = keyWrapper.wrap(dataKey, aad);
      byte[] sealed = AesGcm.seal(dataKey, plaintext, aad);
      ByteArrayOutputStream out = new ByteArrayOutputStream(sealed.length + wrapped.length + 64);
      try (DataOutputStream data = new DataOutputStream(out)) {
        data.write(MAGIC);
        data.writeUTF(keyWrapper.currentKeyId());
        data.writeInt(wrapped.length);
        data.write(wrapped);
        data.write(sealed);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  public byte[] decrypt(byte[] stored, String objectId) {
    byte[] aad = objectId.getBytes(StandardCharsets.UTF_8);
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(stored))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new EncryptionException("Not an encrypted ContractFlow object");
      }
      String keyId = in.readUTF();
      int wrappedLength = in.readInt();
      if (wrappedLength <= 0 || wrappedLength > 1024) {
        throw new EncryptionException("The encrypted object's header is damaged");
      }
      byte[] wrapped = in.readNBytes(wrappedLength);
      byte[] sealed = in.readAllBytes();
      byte[] dataKey = keyWrapper.unwrap(keyId, wrapped, aad);
      try {
        return AesGcm.open(dataKey, sealed, aad);
      } finally {
        Arrays.fill(dataKey, (byte) 0);
      }
    } catch (IOException e) {
      throw new EncryptionException("The encrypted object is truncated", e);
    }
  }
}
