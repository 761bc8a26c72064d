package io.contractflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** The files made of a labelled contract: what an import test will upload. */
class ContractCorpusTest {

  private final ContractCorpus.Labelled contract = ContractCorpus.named("t02-msa-uk");

  @Test
  void aTextPdfCarriesTheWordsOnAsManyPagesAsTheyNeed() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(ContractCorpus.textPdf(contract.text()))) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains("Harrow Digital Limited").contains("£240,000");
    }
    try (PDDocument pdf = Loader.loadPDF(ContractCorpus.textPdf(contract.text().repeat(4)))) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
    }
  }

  @Test
  void aScannedPdfHasPagesButNoTextLayer() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(ContractCorpus.scannedPdf(contract.text()))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(pdf)).isBlank();
    }
  }

  @Test
  void aDocxAndAPageImageAreWhatTheyClaim() throws IOException {
    try (XWPFDocument docx =
        new XWPFDocument(new ByteArrayInputStream(ContractCorpus.docx(contract.text())))) {
      assertThat(
              docx.getParagraphs().stream()
                  .map(XWPFParagraph::getText)
                  .collect(Collectors.joining("\n")))
          .isEqualTo(contract.text());
    }
    assertThat(
            ImageIO.read(new ByteArrayInputStream(ContractCorpus.pageImage(contract.text(), "png")))
                .getWidth())
        .isGreaterThan(1000);
  }

  @Test
  void everyContractHasLabels() {
    assertThat(ContractCorpus.all())
        .allSatisfy(c -> assertThat(c.labels()).as(c.name()).isNotEmpty());
  }
}
