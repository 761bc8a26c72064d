package io.contractflow.signature;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A seal keystore for tests that start the platform with the {@code prod} profile, which refuses to
 * generate one.
 */
public final class TestSealKeystore {

  public static final String PASSWORD = SealKeyConfiguration.GENERATED_PASSWORD;

  private TestSealKeystore() {}

  /** A PKCS#12 keystore with a self-signed seal key at {@code path}, made once. */
  public static Path at(Path path) throws Exception {
    if (!Files.exists(path)) {
      SealKeyConfiguration.generate(path.toAbsolutePath().normalize());
    }
    return path.toAbsolutePath().normalize();
  }
}
