package io.contractflow.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Applies the platform's seal to a PDF as one PAdES baseline signature (B-B): an incremental update
 * with a signature dictionary of SubFilter ETSI.CAdES.detached whose /Contents is a detached CMS
 * SignedData over the byte range, SHA-256 with RSA, signed attributes content-type, message-digest
 * and signing-certificate-v2 and no CMS signing-time (PAdES takes the time from the dictionary's
 * /M).
 */
@Component
class PadesSealer {

  /**
   * Room for the CMS in /Contents: the signature, the certificate chain and the attributes, with
   * margin.
   */
  private static final int SIGNATURE_SIZE = 32 * 1024;

  private final SealKey key;

  PadesSealer(SealKey key) {
    this.key = key;
  }

  byte[] seal(byte[] pdf, String reason, String location, Instant at) {
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(commonName());
      signature.setReason(reason);
      signature.setLocation(location);
      Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      when.setTimeInMillis(at.toEpochMilli());
      signature.setSignDate(when);
      options.setPreferredSignatureSize(SIGNATURE_SIZE);
      document.addSignature(signature, this::cms, options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SIZE * 2 + 4096);
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not seal the PDF", e);
    }
  }

  /** The detached CMS SignedData over what PDFBox hands in: the PDF without the /Contents value. */
  byte[] cms(InputStream content) throws IOException {
    try {
      X509CertificateHolder certificate = new JcaX509CertificateHolder(key.certificate());
      SignerInfoGenerator signerInfo =
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .setSignedAttributeGenerator(
                  new PadesSignedAttributes(signingCertificateV2(certificate)))
              .build(
                  new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()),
                  certificate);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo);
      List<X509CertificateHolder> chain = new ArrayList<>();
      for (var c : key.chain()) {
        chain.add(new JcaX509CertificateHolder(c));
      }
      generator.addCertificates(new JcaCertStore(chain));
      return generator
          .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
          .getEncoded("DER");
    } catch (CertificateEncodingException | OperatorCreationException | CMSException e) {
      throw new IOException("Could not create the CMS signature", e);
    }
  }

  /**
   * ESS signing-certificate-v2 (RFC 5035): binds the signature to the seal certificate by its
   * SHA-256.
   */
  private static Attribute signingCertificateV2(X509CertificateHolder certificate)
      throws IOException {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      IssuerSerial issuerSerial =
          new IssuerSerial(
              new GeneralNames(new GeneralName(certificate.getIssuer())),
              certificate.getSerialNumber());
      SigningCertificateV2 value = new SigningCertificateV2(new ESSCertIDv2(hash, issuerSerial));
      return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(value));
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private String commonName() {
    String subject = key.certificate().getSubjectX500Principal().getName();
    for (String part : subject.split(",")) {
      if (part.trim().startsWith("CN=")) {
        return part.trim().substring(3);
      }
    }
    return subject;
  }

  /**
   * BouncyCastle's defaults (content-type, message-digest, algorithm protection) plus ours, without
   * signing-time.
   */
  private static final class PadesSignedAttributes extends DefaultSignedAttributeTableGenerator {

    PadesSignedAttributes(Attribute extra) {
      super(new AttributeTable(extra));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public AttributeTable getAttributes(Map parameters) {
      return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }
  }
}
