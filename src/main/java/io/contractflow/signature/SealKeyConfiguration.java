package io.contractflow.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seal key from a configured PKCS#12 keystore. Without one, the embedded default generates a
 * self-signed RSA-3072 certificate "CN=ContractFlow seal" once, into {@code generated-keystore}
 * (like the documents' master key); the {@code prod} profile refuses to start without a configured
 * keystore.
 */
@Configuration(proxyBeanMethods = false)
class SealKeyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SealKeyConfiguration.class);

  /**
   * The generated keystore's password: the file is protected by its permissions, like the generated
   * master key.
   */
  static final String GENERATED_PASSWORD = "contractflow-seal";

  static final String GENERATED_ALIAS = "seal";

  @Bean
  SealKey sealKey(SigningProperties properties) throws IOException, GeneralSecurityException {
    return load(properties.seal());
  }

  static SealKey load(SigningProperties.Seal seal) throws IOException, GeneralSecurityException {
    if (seal.keystore() != null && !seal.keystore().toString().isBlank()) {
      Path path = seal.keystore().toAbsolutePath().normalize();
      if (!Files.isReadable(path)) {
        throw new IllegalStateException(
            "The seal keystore " + path + " (contractflow.signing.seal.keystore) cannot be read");
      }
      return read(path, seal.password() == null ? "" : seal.password(), seal.alias());
    }
    if (!seal.allowGenerated()) {
      throw new IllegalStateException(
          "No seal key configured: set CONTRACTFLOW_SIGNING_SEAL_KEYSTORE"
              + " (contractflow.signing.seal.keystore) to a PKCS#12 file with the platform's seal key and certificate, and"
              + " CONTRACTFLOW_SIGNING_SEAL_PASSWORD (and _ALIAS if it holds several keys); see docs/signing.md");
    }
    Path path = seal.generatedKeystore().toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      generate(path);
    }
    return read(path, GENERATED_PASSWORD, GENERATED_ALIAS);
  }

  private static SealKey read(Path path, String password, String alias)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password.toCharArray());
    } catch (IOException e) {
      throw new IllegalStateException(
          "The seal keystore " + path + " cannot be opened (wrong password or not PKCS#12)", e);
    }
    String name = alias;
    if (name == null || name.isBlank()) {
      name =
          Collections.list(store.aliases()).stream()
              .filter(a -> isKey(store, a))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "The seal keystore " + path + " holds no private key"));
    }
    if (!store.isKeyEntry(name)) {
      throw new IllegalStateException(
          "The seal keystore " + path + " has no private key under the alias '" + name + "'");
    }
    PrivateKey key = (PrivateKey) store.getKey(name, password.toCharArray());
    List<X509Certificate> chain = new ArrayList<>();
    for (Certificate certificate : store.getCertificateChain(name)) {
      chain.add((X509Certificate) certificate);
    }
    X509Certificate certificate = chain.get(0);
    certificate.checkValidity();
    log.info(
        "Seal key: {} (serial {}, valid until {})",
        certificate.getSubjectX500Principal().getName(),
        certificate.getSerialNumber().toString(16),
        certificate.getNotAfter().toInstant());
    return new SealKey(key, chain);
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Generates the self-signed seal keystore at {@code path}, written atomically and readable by its
   * owner only.
   */
  static void generate(Path path) throws IOException, GeneralSecurityException {
    Files.createDirectories(path.getParent());
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(3072, new SecureRandom());
    KeyPair pair = generator.generateKeyPair();
    X509Certificate certificate = selfSigned(pair);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        GENERATED_ALIAS,
        pair.getPrivate(),
        GENERATED_PASSWORD.toCharArray(),
        new Certificate[] {certificate});
    Path temp = Files.createTempFile(path.getParent(), "seal", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // best effort on filesystems without POSIX permissions
      }
      try (OutputStream out = Files.newOutputStream(temp)) {
        store.store(out, GENERATED_PASSWORD.toCharArray());
      }
      try {
        Files.move(
            temp,
            path); // a rename in one directory; refuses to replace one that appeared meanwhile
      } catch (java.nio.file.FileAlreadyExistsException another) {
        return; // generated by another instance at the same moment: keep theirs
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    log.warn(
        "Generated a self-signed seal key in {} — back it up with the data; for production configure a keystore"
            + " with a certificate your signers' PDF readers trust (contractflow.signing.seal.keystore)",
        path);
  }

  private static X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException {
    X500Name subject = new X500Name("CN=ContractFlow seal");
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(Duration.ofDays(3650))),
            subject,
            pair.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    } catch (OperatorCreationException | IOException e) {
      throw new GeneralSecurityException("Could not create the seal certificate", e);
    }
  }
}
