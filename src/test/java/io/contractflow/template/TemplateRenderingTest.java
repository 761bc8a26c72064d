package io.contractflow.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateRenderingTest {

  private final DocxTemplateBuilder builder = new DocxTemplateBuilder();
  private final PdfRenderer renderer = new PdfRenderer();
  private final ShippedClauseLibrary clauses = new ShippedClauseLibrary();

  static List<String> templates() {
    return TemplateCatalog.KEYS;
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyShippedTemplateFillsCompletely(String key) throws Exception {
    TemplateSource template = new TemplateCatalog().find(key).orElseThrow();
    DocumentGenerator.Filled filled =
        DocumentGenerator.fill(
            builder,
            renderer,
            template,
            ShippedClauseLibrary.facts(),
            ShippedClauseLibrary.variables(),
            clauses);

    String docxText;
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(filled.docx()));
        XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      docxText = extractor.getText().replaceAll("\\s+", " ");
    }
    String pdfText;
    try (PDDocument pdf = Loader.loadPDF(filled.pdf())) {
      pdfText = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "); // lines wrap anywhere
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
    }
    for (String text : List.of(docxText, pdfText)) {
      assertThat(text)
          .contains("Acme GmbH", "CF-2026-0042", "12,000.50 EUR")
          .doesNotContain("{{", "}}");
    }
    assertThat(pdfText).contains("Page 1 of");
  }

  @Test
  void unencodableCharactersDoNotBreakThePdf() throws Exception {
    Map<String, String> variables = new HashMap<>(ShippedClauseLibrary.variables());
    variables.put(
        "scope",
        "Zürich – Kraków ő ł 東京 emoji \uD83D\uDE00 tab\there \u200B zero-width; "
            + "averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword "
                .repeat(3)
            + "more text ".repeat(2000));
    TemplateSource msa = new TemplateCatalog().find("master-services-agreement").orElseThrow();
    DocumentGenerator.Filled filled =
        DocumentGenerator.fill(
            builder, renderer, msa, ShippedClauseLibrary.facts(), variables, clauses);
    try (PDDocument pdf = Loader.loadPDF(filled.pdf())) {
      int pages = pdf.getNumberOfPages();
      assertThat(pages).isGreaterThan(2);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains(
              "Zürich", "Kraków", "o ? ?? emoji ? tab here", "Page " + pages + " of " + pages);
    }
  }
}
