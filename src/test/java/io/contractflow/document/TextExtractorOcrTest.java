package io.contractflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.contractflow.document.ocr.OcrProperties;
import io.contractflow.document.ocr.OcrReader;
import io.contractflow.extraction.ContractCorpus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The OCR path of text extraction on its own: scanned PDFs, page images, PDFs that mix text pages
 * and scans, the page limit, and what happens without OCR (the version is kept without text). The
 * tests that read scans need Tesseract ({@code apt-get install tesseract-ocr tesseract-ocr-eng}).
 */
class TextExtractorOcrTest {

  private static final String PAGE_ONE =
      "This Master Services Agreement is entered into by and between Quillfeather Limited and"
          + " Brightwater Logistics GmbH.";
  private static final String PAGE_TWO =
      "The supplier shall keep the marmalade escrow account funded at all times.";

  private static final DocumentProperties LIMITS =
      new DocumentProperties(
          DataSize.ofMegabytes(25),
          1000,
          DataSize.ofMegabytes(200),
          100,
          2000,
          5_000_000,
          Duration.ofSeconds(60),
          40_000_000L);

  @BeforeAll
  static void tesseractIsInstalled() {
    assumeTrue(
        new OcrReader(ocr(true, 50, "")).available(),
        "Tesseract with English is not installed: apt-get install tesseract-ocr tesseract-ocr-eng");
  }

  @Test
  void aScannedPdfGetsItsTextByOcr() {
    byte[] scan = ContractCorpus.scannedPdf(PAGE_ONE);
    assertThat(textLayerOf(scan)).isBlank();

    ExtractedText extracted = extractor(ocr(true, 50, "")).extract(scan);

    assertThat(extracted.status()).isEqualTo(DocumentVersion.TextStatus.EXTRACTED);
    assertThat(words(extracted.text()))
        .contains("Master Services Agreement", "Quillfeather Limited", "Brightwater Logistics");
  }

  @Test
  void pageImagesGetTheirTextByOcr() {
    TextExtractor extractor = extractor(ocr(true, 50, ""));
    for (String format : List.of("png", "jpeg", "tiff")) {
      ExtractedText extracted = extractor.extract(ContractCorpus.pageImage(PAGE_TWO, format));
      assertThat(extracted.status()).as(format).isEqualTo(DocumentVersion.TextStatus.EXTRACTED);
      assertThat(words(extracted.text())).as(format).contains("marmalade escrow account");
    }
  }

  @Test
  void aPdfOfATextPageAndAScannedPageKeepsTheTextLayerAndReadsTheScanInPageOrder() {
    byte[] mixed = merge(ContractCorpus.textPdf(PAGE_ONE), ContractCorpus.scannedPdf(PAGE_TWO));

    String text = extractor(ocr(true, 50, "")).extract(mixed).text();

    assertThat(text).contains(PAGE_ONE.substring(0, 40));
    assertThat(words(text)).contains("marmalade escrow account");
    assertThat(text.indexOf("Quillfeather")).isLessThan(text.indexOf("marmalade"));
  }

  @Test
  void pagesBeyondTheOcrPageLimitStayWithoutText() {
    byte[] twoScans =
        merge(ContractCorpus.scannedPdf(PAGE_ONE), ContractCorpus.scannedPdf(PAGE_TWO));

    String text = extractor(ocr(true, 1, "")).extract(twoScans).text();

    assertThat(words(text)).contains("Quillfeather").doesNotContain("marmalade");
  }

  @Test
  void withOcrSwitchedOffOrTesseractMissingAScanIsKeptWithoutText() {
    byte[] scan = ContractCorpus.scannedPdf(PAGE_ONE);
    OcrReader missing = new OcrReader(ocr(true, 50, "/nonexistent/tesseract/"));

    assertThat(missing.available()).isFalse();
    assertThat(missing.tesseractInstalled()).isFalse();
    assertThat(extractor(ocr(false, 50, "")).extract(scan).status())
        .isEqualTo(DocumentVersion.TextStatus.EMPTY);
    assertThat(
            new TextExtractor(parser(), LIMITS, missing, new SimpleMeterRegistry())
                .extract(scan)
                .status())
        .isEqualTo(DocumentVersion.TextStatus.EMPTY);
    assertThat(
            new TextExtractor(parser(), LIMITS, missing, new SimpleMeterRegistry())
                .extract(ContractCorpus.pageImage(PAGE_TWO, "png"))
                .status())
        .isEqualTo(DocumentVersion.TextStatus.EMPTY);
  }

  @Test
  void aTextPdfIsNotReadByOcr() {
    String text = extractor(ocr(true, 50, "")).extract(ContractCorpus.textPdf(PAGE_ONE)).text();

    assertThat(words(text)).isEqualTo(PAGE_ONE);
  }

  private static OcrProperties ocr(boolean enabled, int maxPages, String path) {
    return new OcrProperties(enabled, List.of("eng"), maxPages, 300, 10, path);
  }

  private static TextExtractor extractor(OcrProperties properties) {
    return new TextExtractor(
        parser(), LIMITS, new OcrReader(properties), new SimpleMeterRegistry());
  }

  private static AutoDetectParser parser() {
    return new AutoDetectParser(TikaConfig.getDefaultConfig());
  }

  /** OCR breaks lines where the page did: compare the words only. */
  private static String words(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ");
  }

  private static String textLayerOf(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] merge(byte[]... pdfs) {
    try {
      PDFMergerUtility merger = new PDFMergerUtility();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte[] pdf : pdfs) {
        merger.addSource(new org.apache.pdfbox.io.RandomAccessReadBuffer(pdf));
      }
      merger.setDestinationStream(out);
      merger.mergeDocuments(null);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
