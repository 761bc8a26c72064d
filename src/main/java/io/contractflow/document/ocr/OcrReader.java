package io.contractflow.document.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Reads the text of scans with Tesseract (through Tika's {@link TesseractOCRParser}): the pages of
 * a PDF that have no text layer, rendered with PDFBox, and the frames of an uploaded page image.
 * Bounded by {@link OcrProperties#maxPages()} and by a deadline the caller sets: a page that no
 * longer fits stays without text, and what was read so far is kept.
 */
@Component
public class OcrReader {

  private static final Logger log = LoggerFactory.getLogger(OcrReader.class);

  /** A rendered page is never larger than this, whatever its media box claims (memory). */
  private static final long MAX_RENDER_PIXELS = 40_000_000L;

  private final OcrProperties properties;

  /** Deadlines are in real time, never the platform's (possibly shifted) business clock. */
  private final Clock clock = Clock.systemUTC();

  private final TesseractOCRParser tesseract = new TesseractOCRParser();
  private final boolean installed;
  private final Set<String> installedLanguages;
  private final List<String> languages;

  public OcrReader(OcrProperties properties) {
    this.properties = properties;
    boolean found = false;
    Set<String> langs = Set.of();
    if (properties.enabled()) {
      try {
        if (!properties.tesseractPath().isBlank()) {
          tesseract.setTesseractPath(properties.tesseractPath());
        }
        tesseract.setPreloadLangs(true);
        tesseract.initialize(Map.of());
        found = tesseract.hasTesseract();
        langs = found ? new TreeSet<>(tesseract.getLangs()) : Set.of();
      } catch (TikaException | RuntimeException e) {
        log.warn("Tesseract could not be started; scans are kept without text: {}", e.toString());
      }
    }
    this.installed = found;
    this.installedLanguages = Set.copyOf(langs);
    this.languages = properties.languages().stream().filter(installedLanguages::contains).toList();
    if (properties.enabled() && !installed) {
      log.warn(
          "OCR is enabled but Tesseract is not installed{}; scans are kept without text",
          properties.tesseractPath().isBlank() ? "" : " in " + properties.tesseractPath());
    } else if (properties.enabled() && languages.size() < properties.languages().size()) {
      log.warn(
          "OCR languages {} are not installed (installed: {})",
          missingLanguages(),
          installedLanguages);
    }
  }

  /** Whether scans are read: enabled, Tesseract found and at least one configured language. */
  public boolean available() {
    return properties.enabled() && installed && !languages.isEmpty();
  }

  public boolean enabled() {
    return properties.enabled();
  }

  public boolean tesseractInstalled() {
    return installed;
  }

  /** The configured languages that are installed, in the configured order. */
  public List<String> languages() {
    return languages;
  }

  /** The configured languages Tesseract does not have. */
  public List<String> missingLanguages() {
    return properties.languages().stream().filter(l -> !installedLanguages.contains(l)).toList();
  }

  /**
   * The text of a PDF with the pages that have no text layer read by OCR, in page order; null when
   * every page has its text (the caller keeps what it extracted).
   */
  public String readPdf(byte[] content, int maxChars, Instant deadline)
      throws IOException, TikaException, SAXException {
    if (!available()) {
      return null;
    }
    try (PDDocument pdf = Loader.loadPDF(content)) {
      int pages = pdf.getNumberOfPages();
      PDFTextStripper stripper = new PDFTextStripper();
      List<String> layer = new ArrayList<>(pages);
      boolean scanned = false;
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(pdf);
        layer.add(text);
        scanned |= scant(text);
      }
      if (!scanned) {
        return null;
      }
      PDFRenderer renderer = new PDFRenderer(pdf);
      StringBuilder out = new StringBuilder();
      int read = 0;
      for (int page = 0; page < pages && out.length() < maxChars; page++) {
        String text = layer.get(page);
        if (scant(text)) {
          if (read >= properties.maxPages()) {
            log.info("OCR stopped after {} pages (contractflow.documents.ocr.max-pages)", read);
            break;
          }
          if (!timeLeft(deadline)) {
            log.warn("OCR stopped at page {} of {}: the extraction time is up", page + 1, pages);
            break;
          }
          BufferedImage image =
              renderer.renderImageWithDPI(page, dpiFor(pdf.getPage(page)), ImageType.GRAY);
          text = read(image, deadline);
          read++;
        }
        out.append(text.strip()).append("\n\n");
      }
      return cut(out, maxChars);
    }
  }

  /** The text of an uploaded page image, each frame of a multi-page TIFF in turn. */
  public String readImage(byte[] content, int maxChars, Instant deadline)
      throws IOException, TikaException, SAXException {
    if (!available()) {
      return null;
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("No reader for this image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, false, true);
        int frames = Math.min(reader.getNumImages(true), properties.maxPages());
        StringBuilder out = new StringBuilder();
        for (int frame = 0; frame < frames && out.length() < maxChars; frame++) {
          if (!timeLeft(deadline)) {
            log.warn("OCR stopped at image {} of {}: the extraction time is up", frame + 1, frames);
            break;
          }
          out.append(read(reader.read(frame), deadline).strip()).append("\n\n");
        }
        return cut(out, maxChars);
      } finally {
        reader.dispose();
      }
    }
  }

  /** One page image through Tesseract. */
  String read(BufferedImage image, Instant deadline)
      throws IOException, TikaException, SAXException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("OCR cancelled");
    }
    TesseractOCRConfig config = new TesseractOCRConfig();
    config.setLanguage(String.join("+", languages));
    long seconds = Duration.between(clock.instant(), deadline).toSeconds();
    config.setTimeoutSeconds((int) Math.max(1, Math.min(seconds, Integer.MAX_VALUE)));
    ParseContext context = new ParseContext();
    context.set(TesseractOCRConfig.class, config);
    // Tika's parse(Image) hands Tesseract a blank copy of the image: give it the PNG itself
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, "image/png");
    BodyContentHandler handler = new BodyContentHandler(-1);
    try (TikaInputStream in = TikaInputStream.get(png.toByteArray())) {
      tesseract.parse(in, handler, metadata, context);
    }
    return handler.toString();
  }

  private boolean scant(String text) {
    return text.codePoints().filter(c -> !Character.isWhitespace(c)).count()
        < properties.minCharsPerPage();
  }

  private boolean timeLeft(Instant deadline) {
    return clock.instant().plusSeconds(1).isBefore(deadline);
  }

  private float dpiFor(PDPage page) {
    PDRectangle box = page.getCropBox();
    double squareInches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
    double limit = Math.sqrt(MAX_RENDER_PIXELS / Math.max(squareInches, 1e-3));
    return (float) Math.max(1, Math.min(properties.dpi(), limit));
  }

  private static String cut(StringBuilder out, int maxChars) {
    String text = out.toString().strip();
    return text.length() > maxChars ? text.substring(0, maxChars) : text;
  }
}
