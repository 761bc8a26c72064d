package io.contractflow.signature;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the built-in signer works here. The embedded default needs none of it: links are valid for 14
 * days, point at {@code http://localhost:8080} and are logged, and a seal key is generated on first
 * start.
 *
 * @param linkValidity how long a signing request (and so every signer's link) stays open
 * @param publicBaseUrl where signers reach this platform; their links are {@code
 *     <publicBaseUrl>/sign/<token>}
 * @param logLinks whether invitations are also written to the log at INFO (the embedded default, so
 *     that a newcomer can follow a link without mail; the {@code prod} profile turns it off, a link
 *     is a credential)
 * @param seal the platform's seal key
 * @param provider the signature provider a contract's signing goes to unless its signers name
 *     another: {@code built-in}, {@code docusign}, {@code adobe-sign}, {@code pandadoc} or {@code
 *     rightsignature} (a vendor must be enabled)
 * @param verification how built-in signers prove control of their address (a one-time code by mail)
 */
@ConfigurationProperties("contractflow.signing")
public record SigningProperties(
    @DefaultValue("P14D") Duration linkValidity,
    @DefaultValue("http://localhost:8080") URI publicBaseUrl,
    @DefaultValue("true") boolean logLinks,
    @DefaultValue Seal seal,
    @DefaultValue("built-in") String provider,
    @DefaultValue Verification verification) {

  public SigningProperties {
    if (verification == null) {
      verification =
          new Verification(
              8, Duration.ofMinutes(10), 5, Duration.ofSeconds(60), 5, Duration.ofMinutes(30));
    }
  }

  /**
   * The one-time code a built-in signer enters before they may read the document, sign or decline.
   *
   * @param codeLength digits per code (6 to 10)
   * @param codeValidity how long a code works
   * @param maxAttempts wrong entries after which a code is void (a new one must be requested)
   * @param resendInterval the least time between two codes for one signer
   * @param maxCodesPerHour codes one signer may request within any hour
   * @param sessionValidity how long a verified browser or API client may act on the link
   */
  public record Verification(
      @DefaultValue("8") int codeLength,
      @DefaultValue("PT10M") Duration codeValidity,
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("PT60S") Duration resendInterval,
      @DefaultValue("5") int maxCodesPerHour,
      @DefaultValue("PT30M") Duration sessionValidity) {

    public Verification {
      if (codeLength < 6 || codeLength > 10) {
        throw new IllegalArgumentException(
            "contractflow.signing.verification.code-length must be 6 to 10 digits");
      }
      if (maxAttempts < 1 || maxCodesPerHour < 1) {
        throw new IllegalArgumentException(
            "contractflow.signing.verification: max-attempts and max-codes-per-hour must be at least 1");
      }
    }
  }

  /**
   * The key that seals completed documents (PAdES).
   *
   * @param keystore a PKCS#12 file with the seal key and its certificate chain
   * @param password the keystore's password (also the key's)
   * @param alias the key's alias in the keystore; the first key entry if not set
   * @param generatedKeystore where the embedded default keeps a generated self-signed seal key when
   *     no keystore is configured
   * @param allowGenerated whether a missing keystore may be generated into {@code
   *     generatedKeystore} (the {@code prod} profile refuses to start without a configured one)
   */
  public record Seal(
      Path keystore,
      String password,
      String alias,
      @DefaultValue("./data/keys/seal.p12") Path generatedKeystore,
      @DefaultValue("true") boolean allowGenerated) {}
}
