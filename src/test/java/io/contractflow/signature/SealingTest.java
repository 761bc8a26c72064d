package io.contractflow.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.document.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The certificate of completion and the PAdES seal on a real PDF, checked with PDFBox and
 * BouncyCastle (and poppler's pdfsig where installed): the seal verifies, covers the whole file but
 * its /Contents, and breaks when a single byte changes; the certificate states the original's
 * SHA-256 and every signer's evidence.
 */
class SealingTest {

  private static SealKey key;

  @BeforeAll
  static void sealKey() throws Exception {
    Path keystore = Path.of("target/seal-test", UUID.randomUUID() + ".p12");
    key = SealKeyConfiguration.load(new SigningProperties.Seal(null, null, null, keystore, true));
  }

  private static final Instant SENT = Instant.parse("2026-03-01T09:00:00Z");

  private static CompletionCertificate.Facts facts(
      String originalSha256, List<CompletionCertificate.SignerFacts> signers) {
    return new CompletionCertificate.Facts(
        "CF-2026-0042",
        "Mutual NDA with Müller & Søn",
        UUID.randomUUID(),
        SigningMode.SEQUENTIAL,
        "nda.pdf",
        originalSha256,
        SENT,
        SENT.plus(Duration.ofHours(3)),
        signers);
  }

  private static CompletionCertificate.SignerFacts signer(String name, String email, int minutes) {
    return new CompletionCertificate.SignerFacts(
        name,
        email,
        name,
        SigningCeremony.CONSENT_TEXT,
        SENT.plus(Duration.ofMinutes(minutes)),
        "203.0.113." + minutes,
        "Mozilla/5.0 (X11; Linux x86_64) Test/" + minutes,
        SENT.plus(Duration.ofMinutes(minutes - 1)));
  }

  private static byte[] sealed(byte[] original, CompletionCertificate.Facts facts) {
    byte[] withCertificate = new CompletionCertificate().append(original, facts);
    return new PadesSealer(key)
        .seal(
            withCertificate,
            "Signed by all signers",
            "ContractFlow",
            SENT.plus(Duration.ofHours(4)));
  }

  @Test
  void sealedPdfVerifiesAsPadesAndStatesTheOriginalsHashAndEachSigner() throws Exception {
    byte[] original = Corpus.sample("nda.pdf");
    String sha256 = SigningHashes.sha256(original);
    byte[] sealed =
        sealed(
            original,
            facts(
                sha256,
                List.of(
                    signer("Jürgen Dvořák", "jd@example.com", 5),
                    signer("Ana 李", "ana@example.com", 50))));

    PadesVerification.assertValidSeal(sealed, key.certificate());

    int originalPages = PadesVerification.pages(original);
    assertThat(PadesVerification.pages(sealed)).isEqualTo(originalPages + 1);
    String certificate = PadesVerification.textFrom(sealed, originalPages + 1);
    assertThat(certificate)
        .contains(
            "Certificate of completion",
            "CF-2026-0042",
            sha256,
            "Jürgen Dvorák <jd@example.com>",
            "Ana ? <ana@example.com>",
            "2026-03-01 09:05:00 UTC",
            "203.0.113.5",
            "203.0.113.50",
            "Test/50",
            "I agree that the name I typed",
            "address verified by one-time code at 2026-03-01 09:04:00 UTC",
            "address verified by one-time code at 2026-03-01 09:49:00 UTC");
    // the original's pages are unchanged in content
    assertThat(PadesVerification.textFrom(sealed, 1)).contains("Mutual Non-Disclosure Agreement");
  }

  @Test
  void manySignersAndLongValuesFlowOntoMorePages() throws Exception {
    byte[] original = Corpus.sample("nda.pdf");
    List<CompletionCertificate.SignerFacts> ten =
        java.util.stream.IntStream.rangeClosed(1, 10)
            .mapToObj(
                i ->
                    new CompletionCertificate.SignerFacts(
                        "Signer " + i,
                        "s" + i + "@example.com",
                        "Signer " + i,
                        SigningCeremony.CONSENT_TEXT,
                        SENT.plusSeconds(i),
                        "2001:db8::" + i,
                        "UA-" + "x".repeat(500),
                        i == 10 ? null : SENT))
            .toList();
    byte[] sealed = sealed(original, facts(SigningHashes.sha256(original), ten));

    PadesVerification.assertValidSeal(sealed, key.certificate());
    assertThat(PadesVerification.pages(sealed))
        .isGreaterThan(PadesVerification.pages(original) + 1);
    assertThat(PadesVerification.textFrom(sealed, 2))
        .contains("Signer 10 <s10@example.com>", "2001:db8::10", "address not verified");
  }

  @Test
  void changingOneSignedByteBreaksTheSeal() throws Exception {
    byte[] original = Corpus.sample("nda.pdf");
    byte[] sealed =
        sealed(
            original,
            facts(SigningHashes.sha256(original), List.of(signer("Ann", "ann@example.com", 1))));
    byte[] tampered = sealed.clone();
    int inTheOriginal = 200;
    tampered[inTheOriginal] = (byte) (tampered[inTheOriginal] ^ 0x01);

    assertThatThrownBy(() -> PadesVerification.assertValidSeal(tampered, key.certificate()))
        .isInstanceOfAny(AssertionError.class, org.bouncycastle.cms.CMSException.class);
    if (PadesVerification.pdfsigInstalled()) {
      assertThat(PadesVerification.pdfsig(tampered)).doesNotContain("Signature is Valid.");
    }
  }

  @Test
  void aGeneratedSealKeyIsKeptAndReused() throws Exception {
    Path keystore = Path.of("target/seal-test", UUID.randomUUID() + ".p12");
    SigningProperties.Seal seal = new SigningProperties.Seal(null, null, null, keystore, true);

    SealKey first = SealKeyConfiguration.load(seal);
    SealKey again = SealKeyConfiguration.load(seal);

    assertThat(Files.exists(keystore)).isTrue();
    assertThat(again.certificate()).isEqualTo(first.certificate());
    assertThat(first.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=ContractFlow seal");
    assertThat(
            ((java.security.interfaces.RSAPublicKey) first.certificate().getPublicKey())
                .getModulus()
                .bitLength())
        .isEqualTo(3072);
    assertThat(Files.getPosixFilePermissions(keystore))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void aConfiguredKeystoreIsUsedWithItsPasswordAndAlias() throws Exception {
    Path keystore = Path.of("target/seal-test", UUID.randomUUID() + ".p12");
    SealKeyConfiguration.generate(keystore);

    SealKey configured =
        SealKeyConfiguration.load(
            new SigningProperties.Seal(
                keystore,
                SealKeyConfiguration.GENERATED_PASSWORD,
                SealKeyConfiguration.GENERATED_ALIAS,
                Path.of("unused"),
                false));
    assertThat(configured.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=ContractFlow seal");

    assertThatThrownBy(
            () ->
                SealKeyConfiguration.load(
                    new SigningProperties.Seal(keystore, "wrong", null, Path.of("unused"), false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be opened");
    assertThatThrownBy(
            () ->
                SealKeyConfiguration.load(
                    new SigningProperties.Seal(
                        keystore,
                        SealKeyConfiguration.GENERATED_PASSWORD,
                        "other",
                        Path.of("unused"),
                        false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("alias 'other'");
  }

  @Test
  void productionWithoutAKeystoreRefusesToStart() {
    Path nowhere = Path.of("target/seal-test", UUID.randomUUID() + ".p12");

    assertThatThrownBy(
            () ->
                SealKeyConfiguration.load(
                    new SigningProperties.Seal(null, null, null, nowhere, false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No seal key configured")
        .hasMessageContaining("CONTRACTFLOW_SIGNING_SEAL_KEYSTORE");
    assertThat(Files.exists(nowhere)).isFalse();
  }
}
