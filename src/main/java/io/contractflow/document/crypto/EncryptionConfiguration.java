package io.contractflow.document.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The master keys from configuration; the embedded default generates one under ./data on first
 * start.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

  @Bean
  KeyWrapper keyWrapper(EncryptionProperties properties) throws IOException {
    Map<String, byte[]> keys = new HashMap<>();
    properties
        .masterKeys()
        .forEach((id, base64) -> keys.put(id, Base64.getDecoder().decode(base64.trim())));
    if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
      keys.put(
          properties.currentKeyId(), Base64.getDecoder().decode(properties.masterKey().trim()));
    }
    if (!keys.containsKey(properties.currentKeyId())) {
      if (!properties.allowGenerated()) {
        throw new IllegalStateException(
            "No document master key configured: set CONTRACTFLOW_DOCUMENTS_ENCRYPTION_MASTERKEY"
                + " (contractflow.documents.encryption.master-key) to the base64 of 32 random bytes: openssl rand -base64 32");
      }
      keys.put(properties.currentKeyId(), generatedKey(properties.generatedKeyFile()));
    }
    return new LocalKeyWrapper(properties.currentKeyId(), keys);
  }

  @Bean
  EnvelopeEncryption envelopeEncryption(KeyWrapper keyWrapper) {
    return new EnvelopeEncryption(keyWrapper);
  }

  private static byte[] generatedKey(Path file) throws IOException {
    Path path = file.toAbsolutePath().normalize();
    if (Files.exists(path)) {
      return Base64.getDecoder().decode(Files.readString(path).trim());
    }
    Files.createDirectories(path.getParent());
    byte[] key = AesGcm.newKey();
    Path temp = Files.createTempFile(path.getParent(), "master-key", ".tmp");
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // best effort on filesystems without POSIX permissions
    }
    Files.writeString(temp, Base64.getEncoder().encodeToString(key));
    Files.move(temp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    log.warn(
        "Generated a document master key in {} — back it up with the data; without it no document can be read",
        path);
    return key;
  }
}
