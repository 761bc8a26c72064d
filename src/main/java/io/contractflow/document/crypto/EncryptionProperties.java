package io.contractflow.document.crypto;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Master keys for documents at rest.
 *
 * @param currentKeyId the master key that wraps new data keys
 * @param masterKey base64 of 32 random bytes: the master key with the current id (the usual way to
 *     set it, e.g. {@code CONTRACTFLOW_DOCUMENTS_ENCRYPTION_MASTERKEY=$(openssl rand -base64 32)})
 * @param masterKeys key id → base64 of 32 random bytes; after a rotation, older ids stay to read
 *     what they wrapped
 * @param generatedKeyFile where the embedded default keeps a generated master key when none is
 *     configured (the {@code prod} profile refuses to start without a configured key)
 * @param allowGenerated whether a missing master key may be generated into {@code generatedKeyFile}
 */
@ConfigurationProperties("contractflow.documents.encryption")
public record EncryptionProperties(
    @DefaultValue("local-1") String currentKeyId,
    String masterKey,
    @DefaultValue Map<String, String> masterKeys,
    @DefaultValue("./data/keys/master-key") Path generatedKeyFile,
    @DefaultValue("true") boolean allowGenerated) {}
