package io.contractflow.signature.vendor.docusign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The JWT of DocuSign's JWT grant: RS256, {@code iss} integration key, {@code sub} user, {@code
 * aud} auth host.
 */
final class DocuSignJwt {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  static final long LIFETIME_SECONDS = 3600;

  private DocuSignJwt() {}

  static String assertion(
      String integrationKey,
      String userId,
      String audienceHost,
      String scope,
      PrivateKey key,
      Instant now) {
    ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    ObjectNode claims =
        JSON.createObjectNode()
            .put("iss", integrationKey)
            .put("sub", userId)
            .put("aud", audienceHost)
            .put("iat", now.getEpochSecond())
            .put("exp", now.getEpochSecond() + LIFETIME_SECONDS)
            .put("scope", scope);
    try {
      String signingInput =
          B64URL.encodeToString(JSON.writeValueAsBytes(header))
              + "."
              + B64URL.encodeToString(JSON.writeValueAsBytes(claims));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64URL.encodeToString(rsa.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not sign the DocuSign JWT", e);
    }
  }

  /**
   * A PEM private key (PKCS#1 as DocuSign hands it out, or PKCS#8); {@code \n} written out is read
   * as a newline.
   */
  static PrivateKey privateKey(String pem) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalStateException(
          "contractflow.signing.docusign.private-key is not set"
              + " (CONTRACTFLOW_SIGNING_DOCUSIGN_PRIVATEKEY)");
    }
    try (PEMParser parser = new PEMParser(new StringReader(pem.replace("\\n", "\n")))) {
      Object object = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new IllegalStateException("The DocuSign private key is not an RSA private key in PEM");
    } catch (IOException e) {
      throw new IllegalStateException("The DocuSign private key cannot be read", e);
    }
  }
}
