package io.contractflow.signature;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Signs and checks small statements with the platform's seal key (the key that seals completed
 * documents), for evidence kept outside the database such as the audit trail's anchors.
 */
@Component
public class SealSignatures {

  private final SealKey key;

  SealSignatures(SealKey key) {
    this.key = key;
  }

  /** A signature with the algorithm and the DER certificate whose key checks it. */
  public record Signed(String algorithm, byte[] signature, byte[] certificate) {}

  public Signed sign(byte[] statement) {
    try {
      String algorithm = algorithm(key.privateKey().getAlgorithm());
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key.privateKey());
      signer.update(statement);
      return new Signed(algorithm, signer.sign(), key.certificate().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The seal key cannot sign: " + e.getMessage(), e);
    }
  }

  /** Whether {@code signed} is a signature of {@code statement} by its certificate's key. */
  public boolean verify(byte[] statement, Signed signed) {
    try {
      PublicKey publicKey = certificate(signed.certificate()).getPublicKey();
      Signature verifier = Signature.getInstance(signed.algorithm());
      verifier.initVerify(publicKey);
      verifier.update(statement);
      return verifier.verify(signed.signature());
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** Whether {@code certificate} (DER) is the platform's current seal certificate. */
  public boolean isCurrent(byte[] certificate) {
    try {
      return Arrays.equals(certificate, key.certificate().getEncoded());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static X509Certificate certificate(byte[] der) throws CertificateException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static String algorithm(String keyAlgorithm) {
    return switch (keyAlgorithm) {
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> "SHA256with" + keyAlgorithm;
    };
  }
}
