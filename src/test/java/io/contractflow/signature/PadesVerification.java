package io.contractflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;

/**
 * Checks a sealed PDF the way a PAdES validator does, with PDFBox and BouncyCastle: one signature
 * of SubFilter ETSI.CAdES.detached whose byte range covers the whole file except /Contents, a CMS
 * signature valid against the seal certificate, a message digest equal to the SHA-256 of the signed
 * bytes, and the signing-certificate-v2 attribute naming that certificate. With poppler's {@code
 * pdfsig} installed, it must say the signature is valid too.
 */
final class PadesVerification {

  private PadesVerification() {}

  /** Asserts everything above. */
  static void assertValidSeal(byte[] pdf, X509Certificate seal) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      assertThat(signatures).hasSize(1);
      PDSignature signature = signatures.get(0);
      assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
      assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");

      int[] range = signature.getByteRange();
      assertThat(range).hasSize(4);
      assertThat(range[0]).isZero();
      assertThat(range[2] + range[3])
          .as("the byte range reaches the end of the file")
          .isEqualTo(pdf.length);
      // the gap is exactly the /Contents hex string, delimiters included
      assertThat((char) pdf[range[1]]).isEqualTo('<');
      assertThat((char) pdf[range[2] - 1]).isEqualTo('>');
      String gap =
          new String(pdf, range[1] + 1, range[2] - range[1] - 2, StandardCharsets.US_ASCII);
      assertThat(gap).matches("[0-9A-Fa-f]+");

      byte[] signedContent = signature.getSignedContent(pdf);
      ContentInfo contentInfo;
      try (ASN1InputStream in = new ASN1InputStream(signature.getContents())) {
        contentInfo = ContentInfo.getInstance(in.readObject());
      }
      CMSSignedData cms =
          new CMSSignedData(new CMSProcessableByteArray(signedContent), contentInfo);
      assertThat(cms.getSignerInfos().size()).isEqualTo(1);
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      assertThat(signer.getDigestAlgOID()).isEqualTo(TSPAlgorithms.SHA256.getId());
      assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(seal)))
          .as("CMS signature valid against the seal certificate")
          .isTrue();

      AttributeTable signed = signer.getSignedAttributes();
      byte[] messageDigest =
          ASN1OctetString.getInstance(
                  signed.get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0))
              .getOctets();
      assertThat(messageDigest)
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signedContent));
      assertThat(signed.get(CMSAttributes.signingTime))
          .as("PAdES takes the time from /M, not the CMS")
          .isNull();
      Attribute certificateV2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
      assertThat(certificateV2).as("signing-certificate-v2").isNotNull();
      byte[] certificateHash =
          SigningCertificateV2.getInstance(certificateV2.getAttrValues().getObjectAt(0))
              .getCerts()[0]
              .getCertHash();
      assertThat(certificateHash)
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(seal.getEncoded()));
      X509CertificateHolder embedded =
          (X509CertificateHolder)
              cms.getCertificates().getMatches(signer.getSID()).iterator().next();
      assertThat(embedded.getEncoded()).isEqualTo(seal.getEncoded());
    }
    assertPdfsigValid(pdf);
  }

  /** The text of the pages from {@code from} (1-based) to the end. */
  static String textFrom(byte[] pdf, int from) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(from);
      stripper.setEndPage(document.getNumberOfPages());
      return stripper.getText(document);
    }
  }

  static int pages(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }

  /** poppler's validator, where installed (Debian poppler-utils; .ci/run installs it). */
  static boolean pdfsigInstalled() {
    return Files.isExecutable(Path.of("/usr/bin/pdfsig"));
  }

  static void assertPdfsigValid(byte[] pdf) throws Exception {
    if (!pdfsigInstalled()) {
      return;
    }
    String output = pdfsig(pdf);
    assertThat(output).contains("Signature Validation: Signature is Valid.");
    assertThat(output).contains("ETSI.CAdES.detached");
    assertThat(output).contains("Total document signed");
  }

  static String pdfsig(byte[] pdf) throws Exception {
    Path file = Files.createTempFile("sealed", ".pdf");
    try {
      Files.write(file, pdf);
      Process process =
          new ProcessBuilder("/usr/bin/pdfsig", file.toString()).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return new String(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
