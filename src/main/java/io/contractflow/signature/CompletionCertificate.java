package io.contractflow.signature;

import io.contractflow.platform.pdf.PdfTextLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * Appends the certificate of completion to a signed document: the contract, the request, the
 * SHA-256 of the original PDF, and for each signer what they were shown and did — name, email,
 * typed name, consent text, time (UTC), IP address and user agent. As many A4 pages as it takes;
 * the seal then covers them with the document. The Standard 14 Helvetica fonts need no embedding;
 * characters they cannot encode become their unaccented letter, else '?'.
 */
@Component
class CompletionCertificate {

  static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 56;
  private static final float LABEL_WIDTH = 110;

  /** What the certificate states. */
  record Facts(
      String contractReference,
      String contractTitle,
      UUID requestId,
      SigningMode mode,
      String originalFileName,
      String originalSha256,
      Instant sentAt,
      Instant completedAt,
      List<SignerFacts> signers) {}

  /** One signer's evidence. */
  record SignerFacts(
      String name,
      String email,
      String typedName,
      String consentText,
      Instant signedAt,
      String ipAddress,
      String userAgent,
      Instant addressVerifiedAt) {}

  byte[] append(byte[] original, Facts facts) {
    try (PDDocument document = Loader.loadPDF(original)) {
      Writer writer = new Writer(document);
      writer.title("Certificate of completion");
      writer.field("Contract", facts.contractReference() + " - " + facts.contractTitle());
      writer.field("Signing request", facts.requestId().toString());
      writer.field(
          "Signing mode", facts.mode() == SigningMode.SEQUENTIAL ? "sequential" : "parallel");
      writer.field("Sent", UTC_TIME.format(facts.sentAt()));
      writer.field("Completed", UTC_TIME.format(facts.completedAt()));
      writer.field("Original document", facts.originalFileName());
      writer.gap(4);
      writer.text("SHA-256 of the original document:", writer.bold, 10);
      writer.text(facts.originalSha256(), writer.regular, 10);
      writer.gap(10);
      writer.text("Signers", writer.bold, 12);
      int number = 1;
      for (SignerFacts signer : facts.signers()) {
        writer.gap(6);
        writer.keep(8 * 13f);
        writer.text(number++ + ". " + signer.name() + " <" + signer.email() + ">", writer.bold, 10);
        writer.field("Typed name", signer.typedName());
        writer.field("Signed at", UTC_TIME.format(signer.signedAt()));
        writer.field("IP address", signer.ipAddress());
        writer.field("User agent", signer.userAgent() == null ? "(none sent)" : signer.userAgent());
        writer.field("Consent", signer.consentText());
        writer.field(
            "Verification",
            signer.addressVerifiedAt() == null
                ? "address not verified"
                : "address verified by one-time code at "
                    + UTC_TIME.format(signer.addressVerifiedAt()));
      }
      writer.gap(12);
      writer.text(
          "Each signer opened a personal link, confirmed their e-mail address with a one-time code sent to it,"
              + " typed their name and gave the consent above. This page and the"
              + " document before it are sealed with the platform's PAdES signature; any change after sealing breaks it.",
          writer.regular,
          8);
      writer.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 16 * 1024);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not append the certificate of completion", e);
    }
  }

  /** Writes wrapped lines top-down, starting a new page when one is full. */
  private static final class Writer {

    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDDocument document;
    private final Map<String, String> safeChars = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    Writer(PDDocument document) throws IOException {
      this.document = document;
      newPage();
    }

    void title(String text) throws IOException {
      text(text, bold, 16);
      gap(8);
    }

    void field(String label, String value) throws IOException {
      List<String> lines =
          wrap(safe(value == null ? "" : value, regular), regular, 9, width() - LABEL_WIDTH);
      float leading = 9 * 1.4f;
      keep(leading * Math.min(lines.size(), 3));
      show(safe(label, bold) + ":", bold, 9, MARGIN);
      for (int i = 0; i < lines.size(); i++) {
        if (i > 0) {
          advance(leading);
        }
        show(lines.get(i), regular, 9, MARGIN + LABEL_WIDTH);
      }
      advance(leading);
    }

    void text(String text, PDType1Font font, float size) throws IOException {
      float leading = size * 1.4f;
      for (String line : wrap(safe(text, font), font, size, width())) {
        keep(leading);
        show(line, font, size, MARGIN);
        advance(leading);
      }
    }

    void gap(float points) {
      y -= points;
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    void keep(float height) throws IOException {
      if (y - height < MARGIN) {
        newPage();
      }
    }

    void close() throws IOException {
      content.close();
    }

    private void show(String line, PDType1Font font, float size, float x) throws IOException {
      if (y < MARGIN) {
        newPage();
      }
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, y - size);
      content.showText(line);
      content.endText();
    }

    private void advance(float leading) {
      y -= leading;
    }

    private void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = PAGE.getHeight() - MARGIN;
    }

    private static float width() {
      return PAGE.getWidth() - 2 * MARGIN;
    }

    /**
     * The text with every character the font cannot encode replaced, and control characters
     * dropped.
     */
    private String safe(String text, PDType1Font font) {
      StringBuilder out = new StringBuilder(text.length());
      text.replaceAll("[\\p{Cntrl}\\p{Cf}]", " ")
          .codePoints()
          .forEach(
              cp -> {
                String ch = new String(Character.toChars(cp));
                out.append(
                    safeChars.computeIfAbsent(font.getName() + ch, k -> encodable(ch, font)));
              });
      return out.toString();
    }

    private static String encodable(String ch, PDType1Font font) {
      if (canEncode(ch, font)) {
        return ch;
      }
      String plain = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      return !plain.isEmpty() && canEncode(plain, font) ? plain : "?";
    }

    private static boolean canEncode(String text, PDType1Font font) {
      try {
        font.encode(text);
        return true;
      } catch (IllegalArgumentException | IOException e) {
        return false;
      }
    }

    /**
     * Breaks at spaces to fit {@code width}; a word longer than a line is split where it must be.
     */
    private static List<String> wrap(String text, PDType1Font font, float size, float width)
        throws IOException {
      return PdfTextLines.wrap(text, font, size, width);
    }
  }
}
