package io.contractflow.signature;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the built-in signer works here. The embedded default needs none of it: links are valid for 14 days, point at
 * {@code http://localhost:8080} and are logged, and a seal key is generated on first start.
 *
 * @param linkValidity how long a signing request (and so every signer's link) stays open
 * @param publicBaseUrl where signers reach this platform; their links are {@code <publicBaseUrl>/sign/<token>}
 * @param logLinks whether invitations are also written to the log at INFO (the embedded default, so that a newcomer
 *     can follow a link without mail; the {@code prod} profile turns it off, a link is a credential)
 * @param seal the platform's seal key
 * @param provider the signature provider a contract's signing goes to unless its signers name another:
 *     {@code built-in}, {@code docusign}, {@code adobe-sign}, {@code pandadoc} or {@code rightsignature} (a vendor
 *     must be enabled)
 */
@ConfigurationProperties("contractflow.signing")
public record SigningProperties(
    @DefaultValue("P14D") Duration linkValidity,
    @DefaultValue("http://localhost:8080") URI publicBaseUrl,
    @DefaultValue("true") boolean logLinks,
    @DefaultValue Seal seal,
    @DefaultValue("built-in") String provider) {

  /**
   * The key that seals completed documents (PAdES).
   *
   * @param keystore a PKCS#12 file with the seal key and its certificate chain
   * @param password the keystore's password (also the key's)
   * @param alias the key's alias in the keystore; the first key entry if not set
   * @param generatedKeystore where the embedded default keeps a generated self-signed seal key when no keystore is
   *     configured
   * @param allowGenerated whether a missing keystore may be generated into {@code generatedKeystore} (the
   *     {@code prod} profile refuses to start without a configured one)
   */
  public record Seal(
      Path keystore,
      String password,
      String alias,
      @DefaultValue("./data/keys/seal.p12") Path generatedKeystore,
      @DefaultValue("true") boolean allowGenerated) {}
}
