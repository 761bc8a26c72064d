package io.contractflow.template;

import io.contractflow.platform.pdf.PdfTextLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.springframework.stereotype.Component;

/**
 * Renders a filled template as a PDF with PDFBox and the Standard 14 Helvetica fonts: the title and
 * headings bold and larger, paragraphs wrapped to the page width, new pages as needed and "Page N
 * of M" in every footer. Characters Helvetica cannot encode (WinAnsi) become their unaccented
 * letter if there is one, else '?'.
 */
@Component
class PdfRenderer {

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 72;
  private static final float FOOTER_Y = 36;
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

  private record Style(
      PDType1Font font, float size, float spaceBefore, float spaceAfter, boolean centered) {}

  /** The filled document's paragraphs, as title, headings and paragraphs. */
  byte[] render(XWPFDocument filled, String title) {
    List<TemplateSource.Block> blocks = new ArrayList<>();
    for (XWPFParagraph p : PlaceholderFiller.paragraphs(filled)) {
      String style = p.getStyle() == null ? "" : p.getStyle();
      TemplateSource.Kind kind =
          switch (style) {
            case DocxTemplateBuilder.TITLE_STYLE -> TemplateSource.Kind.TITLE;
            case DocxTemplateBuilder.HEADING_STYLE -> TemplateSource.Kind.HEADING;
            default -> TemplateSource.Kind.PARAGRAPH;
          };
      blocks.add(new TemplateSource.Block(kind, PlaceholderFiller.textOf(p)));
    }
    return render(blocks, title);
  }

  byte[] render(List<TemplateSource.Block> blocks, String title) {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    Map<TemplateSource.Kind, Style> styles =
        Map.of(
            TemplateSource.Kind.TITLE, new Style(bold, 18, 0, 14, true),
            TemplateSource.Kind.HEADING, new Style(bold, 13, 10, 6, false),
            TemplateSource.Kind.PARAGRAPH, new Style(regular, 11, 0, 8, false));
    try (PDDocument pdf = new PDDocument()) {
      pdf.getDocumentInformation().setTitle(new Encoder(regular).safe(title));
      Writer writer = new Writer(pdf);
      Map<PDType1Font, Encoder> encoders =
          Map.of(regular, new Encoder(regular), bold, new Encoder(bold));
      for (TemplateSource.Block block : blocks) {
        Style style = styles.get(block.kind());
        List<String> lines =
            wrap(encoders.get(style.font()).safe(block.text()), style.font(), style.size());
        float leading = style.size() * 1.35f;
        writer.space(style.spaceBefore());
        if (block.kind() == TemplateSource.Kind.HEADING) {
          writer.ensure(leading * 3); // keep a heading with the start of its section
        }
        for (String line : lines) {
          writer.line(line, style, leading);
        }
        writer.space(style.spaceAfter());
      }
      writer.close();
      footers(pdf, regular);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void footers(PDDocument pdf, PDType1Font font) throws IOException {
    int total = pdf.getNumberOfPages();
    for (int i = 0; i < total; i++) {
      PDPage page = pdf.getPage(i);
      String text = "Page " + (i + 1) + " of " + total;
      float x = (PAGE.getWidth() - font.getStringWidth(text) / 1000 * 9) / 2;
      try (PDPageContentStream content =
          new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        content.beginText();
        content.setFont(font, 9);
        content.newLineAtOffset(x, FOOTER_Y);
        content.showText(text);
        content.endText();
      }
    }
  }

  /**
   * Lines no wider than the text width: words kept whole unless one alone is too wide; '\n' breaks
   * a line.
   */
  static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
    return PdfTextLines.wrap(text, font, size, WIDTH);
  }

  /** Writes lines top to bottom, starting a new page when the next line would reach the footer. */
  private static final class Writer {
    private final PDDocument pdf;
    private PDPageContentStream content;
    private float y;

    Writer(PDDocument pdf) {
      this.pdf = pdf;
    }

    void space(float points) {
      if (content != null) {
        y -= points;
      }
    }

    void ensure(float points) throws IOException {
      if (content == null || y - points < MARGIN) {
        newPage();
      }
    }

    void line(String text, Style style, float leading) throws IOException {
      ensure(leading);
      y -= leading;
      if (text.isEmpty()) {
        return;
      }
      float x = MARGIN;
      if (style.centered()) {
        x = MARGIN + (WIDTH - PdfTextLines.width(text, style.font(), style.size())) / 2;
      }
      content.beginText();
      content.setFont(style.font(), style.size());
      content.newLineAtOffset(x, y);
      content.showText(text);
      content.endText();
    }

    private void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PAGE);
      pdf.addPage(page);
      content = new PDPageContentStream(pdf, page);
      y = PAGE.getHeight() - MARGIN;
    }

    void close() throws IOException {
      if (content != null) {
        content.close();
        content = null;
      }
    }
  }

  /**
   * Makes text safe for one Standard 14 font: what WinAnsi cannot encode is simplified or replaced
   * by '?'.
   */
  static final class Encoder {
    private final PDType1Font font;
    private final Map<Integer, String> cache = new HashMap<>();

    Encoder(PDType1Font font) {
      this.font = font;
    }

    String safe(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints().forEach(cp -> out.append(cache.computeIfAbsent(cp, this::substitute)));
      return out.toString();
    }

    private String substitute(int cp) {
      if (cp == '\n') {
        return "\n";
      }
      if (cp == '\t' || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        return " ";
      }
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
        return "";
      }
      String s = new String(Character.toChars(cp));
      if (encodable(s)) {
        return s;
      }
      String base = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
      if (!base.isEmpty() && !base.equals(s) && encodable(base)) {
        return base;
      }
      return "?";
    }

    private boolean encodable(String s) {
      try {
        font.encode(s);
        return font.getStringWidth(s) >= 0;
      } catch (IllegalArgumentException | IOException e) {
        return false;
      }
    }
  }
}
