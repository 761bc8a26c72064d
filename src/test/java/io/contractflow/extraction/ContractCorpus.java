package io.contractflow.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The labelled contracts under {@code src/test/resources/extraction} and the files an import test
 * can make of them: a PDF with a text layer, a scanned PDF (page images only, no text layer), a
 * page image (PNG) and a DOCX. Everything is rendered here, so the corpus is text plus labels.
 */
public final class ContractCorpus {

  /** Where the labelled texts are: {@code NAME.txt} beside {@code NAME.labels.json}. */
  public static final Path DIRECTORY = Path.of("src/test/resources/extraction");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final float MARGIN = 56;
  private static final float FONT_SIZE = 11;
  private static final float LEADING = 15;

  /** Dots per inch of the scanned pages: an ordinary office scanner. */
  private static final int SCAN_DPI = 200;

  private ContractCorpus() {}

  /**
   * One labelled contract.
   *
   * @param name the file name without extension
   * @param set "tuning" (rules were written looking at it) or "held-out" (written after)
   * @param text the contract's text
   * @param labels the expected value per field; a field that is absent is not in the contract
   */
  public record Labelled(String name, String set, String text, Map<FactField, String> labels) {}

  /** Every labelled contract, by name. */
  public static List<Labelled> all() {
    List<Labelled> result = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        result.add(read(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  /** One labelled contract by its name (without extension). */
  public static Labelled named(String name) {
    return read(DIRECTORY.resolve(name + ".txt"));
  }

  private static Labelled read(Path file) {
    try {
      String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
      String text = Files.readString(file, StandardCharsets.UTF_8);
      JsonNode json = JSON.readTree(DIRECTORY.resolve(name + ".labels.json").toFile());
      Map<FactField, String> labels = new EnumMap<>(FactField.class);
      for (Iterator<Map.Entry<String, JsonNode>> it = json.path("facts").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isNull()) {
          labels.put(FactField.valueOf(entry.getKey()), entry.getValue().asText());
        }
      }
      return new Labelled(name, json.path("set").asText("tuning"), text, labels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text as a PDF with a text layer (Helvetica, A4, as many pages as it needs). */
  public static byte[] textPdf(String text) {
    PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (List<String> page : pages(text, line -> width(font, line))) {
        PDPage pdfPage = new PDPage(PDRectangle.A4);
        doc.addPage(pdfPage);
        try (PDPageContentStream content = new PDPageContentStream(doc, pdfPage)) {
          content.beginText();
          content.setFont(font, FONT_SIZE);
          content.setLeading(LEADING);
          content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
          for (String line : page) {
            content.showText(winAnsi(line));
            content.newLine();
          }
          content.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text as a scanned PDF: every page is one grey-scale image, there is no text layer, so only
   * OCR finds the words.
   */
  public static byte[] scannedPdf(String text) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (BufferedImage image : pageImages(text)) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first page of the text as a scanned image in {@code format} ("png", "jpeg", "tiff"). */
  public static byte[] pageImage(String text, String format) {
    BufferedImage page = pageImages(text).get(0);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (!ImageIO.write(page, format, out)) {
        throw new IllegalArgumentException("No image writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text as a Word document, one paragraph per line. */
  public static byte[] docx(String text) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String line : text.split("\\R", -1)) {
        doc.createParagraph().createRun().setText(line);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The pages of the text drawn in black on white at {@value #SCAN_DPI} dpi, as a scanner would.
   */
  public static List<BufferedImage> pageImages(String text) {
    double scale = SCAN_DPI / 72.0;
    int width = (int) Math.round(PDRectangle.A4.getWidth() * scale);
    int height = (int) Math.round(PDRectangle.A4.getHeight() * scale);
    Font font = new Font(Font.SERIF, Font.PLAIN, (int) Math.round(FONT_SIZE * scale));
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D probeGraphics = probe.createGraphics();
    FontMetrics metrics = probeGraphics.getFontMetrics(font);
    List<BufferedImage> images = new ArrayList<>();
    for (List<String> lines : pages(text, line -> metrics.stringWidth(line) / (float) scale)) {
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = image.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(font);
      float y = (float) ((MARGIN + FONT_SIZE) * scale);
      for (String line : lines) {
        g.drawString(line, (float) (MARGIN * scale), y);
        y += (float) (LEADING * scale);
      }
      g.dispose();
      images.add(image);
    }
    probeGraphics.dispose();
    return images;
  }

  private interface Measure {
    float width(String line);
  }

  /** The text wrapped to the page width and cut into pages. */
  private static List<List<String>> pages(String text, Measure measure) {
    float maxWidth = PDRectangle.A4.getWidth() - 2 * MARGIN;
    int linesPerPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\\R", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && measure.width(candidate) > maxWidth) {
          lines.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      lines.add(line.toString());
    }
    List<List<String>> pages = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += linesPerPage) {
      pages.add(lines.subList(i, Math.min(lines.size(), i + linesPerPage)));
    }
    return pages.isEmpty() ? List.of(List.of("")) : pages;
  }

  private static float width(PDFont font, String line) {
    try {
      return font.getStringWidth(winAnsi(line)) / 1000 * FONT_SIZE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Helvetica's WinAnsi encoding knows no other characters: replace what it cannot show. */
  private static String winAnsi(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (char c : line.toCharArray()) {
      boolean latin1 = c >= 0x20 && c <= 0xFF && (c < 0x7F || c >= 0xA0);
      boolean extra = "€‘’“”–—…•".indexOf(c) >= 0;
      out.append(latin1 || extra ? c : '?');
    }
    return out.toString();
  }
}
