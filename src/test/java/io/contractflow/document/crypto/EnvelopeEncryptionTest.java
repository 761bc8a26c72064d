package io.contractflow.document.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.support.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Envelope encryption: nothing readable at rest, and any change, swap or wrong key is caught. */
class EnvelopeEncryptionTest {

  private static final byte[] MASTER =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PLAINTEXT =
      "CONFIDENTIAL: the parties agree on a price of EUR 1,000,000 per year"
          .repeat(50)
          .getBytes(StandardCharsets.UTF_8);

  private final EnvelopeEncryption encryption =
      new EnvelopeEncryption(new LocalKeyWrapper("k1", Map.of("k1", MASTER)));

  @Test
  void roundTripsAndStoresNoPlaintext() {
    byte[] stored = encryption.encrypt(PLAINTEXT, "doc-1");

    assertThat(new String(stored, StandardCharsets.ISO_8859_1))
        .doesNotContain("CONFIDENTIAL")
        .doesNotContain("EUR 1,000,000");
    assertThat(Bytes.indexOf(stored, MASTER)).isEqualTo(-1);
    assertThat(encryption.decrypt(stored, "doc-1")).isEqualTo(PLAINTEXT);
  }

  @Test
  void everyObjectGetsItsOwnDataKeyAndIv() {
    assertThat(encryption.encrypt(PLAINTEXT, "doc-1"))
        .isNotEqualTo(encryption.encrypt(PLAINTEXT, "doc-1"));
  }

  @Test
  void aTamperedObjectFailsToDecrypt() {
    byte[] stored = encryption.encrypt(PLAINTEXT, "doc-1");
    for (int position : new int[] {stored.length - 1, stored.length / 2, 40}) {
      byte[] tampered = stored.clone();
      tampered[position] ^= 0x01;
      assertThatThrownBy(() -> encryption.decrypt(tampered, "doc-1"))
          .isInstanceOf(EncryptionException.class);
    }
  }

  @Test
  void anObjectUnderAnotherIdFailsToDecrypt() {
    byte[] stored = encryption.encrypt(PLAINTEXT, "doc-1");

    assertThatThrownBy(() -> encryption.decrypt(stored, "doc-2"))
        .isInstanceOf(EncryptionException.class);
  }

  @Test
  void anotherMasterKeyCannotDecrypt() {
    byte[] stored = encryption.encrypt(PLAINTEXT, "doc-1");
    byte[] otherKey = MASTER.clone();
    otherKey[0] ^= 1;
    EnvelopeEncryption other =
        new EnvelopeEncryption(new LocalKeyWrapper("k1", Map.of("k1", otherKey)));

    assertThatThrownBy(() -> other.decrypt(stored, "doc-1"))
        .isInstanceOf(EncryptionException.class);
  }

  @Test
  void afterARotationOldObjectsStillDecrypt() {
    byte[] old = encryption.encrypt(PLAINTEXT, "doc-1");
    byte[] newKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    EnvelopeEncryption rotated =
        new EnvelopeEncryption(new LocalKeyWrapper("k2", Map.of("k1", MASTER, "k2", newKey)));

    assertThat(rotated.decrypt(old, "doc-1")).isEqualTo(PLAINTEXT);
    assertThat(rotated.decrypt(rotated.encrypt(PLAINTEXT, "doc-3"), "doc-3")).isEqualTo(PLAINTEXT);
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> encryption.decrypt("not encrypted at all".getBytes(), "doc-1"))
        .isInstanceOf(EncryptionException.class);
    assertThatThrownBy(() -> encryption.decrypt(new byte[0], "doc-1"))
        .isInstanceOf(EncryptionException.class);
  }
}
