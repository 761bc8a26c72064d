package io.contractflow.document;

import io.contractflow.document.ocr.OcrReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Extracts the plain text of a document version with Tika, for search and compare; scans (PDF pages
 * without a text layer, page images) are read by OCR ({@link OcrReader}) where Tesseract is
 * installed. Bounded in characters and in time: a document that is slow or hostile to parse is kept
 * without text rather than holding up the upload, and OCR stops at the deadline with what it read.
 */
@Component
class TextExtractor implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TextExtractor.class);

  private final Parser parser;
  private final DocumentProperties limits;
  private final OcrReader ocr;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread thread = new Thread(r, "text-extraction");
            thread.setDaemon(true);
            return thread;
          });

  private final MeterRegistry meters;

  TextExtractor(
      @Lazy Parser parser, DocumentProperties limits, OcrReader ocr, MeterRegistry meters) {
    this.parser = parser;
    this.limits = limits;
    this.ocr = ocr;
    this.meters = meters;
  }

  /**
   * The text of the content, counted in {@code contractflow.documents.text.extractions{outcome}}
   * (the costly part of an upload: a bulk import extracts each file once).
   */
  ExtractedText extract(byte[] content) {
    ExtractedText extracted = read(content);
    Counter.builder("contractflow.documents.text.extractions")
        .description("Documents whose text was extracted (OCR included), by outcome")
        .tag("outcome", extracted.status().name().toLowerCase(java.util.Locale.ROOT))
        .register(meters)
        .increment();
    return extracted;
  }

  private ExtractedText read(byte[] content) {
    // OCR stops a little before the limit, so that what it read is kept
    Instant deadline = Instant.now().plus(limits.extractionTimeout().multipliedBy(9).dividedBy(10));
    Future<String> job = executor.submit(() -> parse(content, deadline));
    try {
      String text = job.get(limits.extractionTimeout().toMillis(), TimeUnit.MILLISECONDS).strip();
      return text.isEmpty()
          ? new ExtractedText(DocumentVersion.TextStatus.EMPTY, null)
          : new ExtractedText(DocumentVersion.TextStatus.EXTRACTED, text);
    } catch (TimeoutException e) {
      job.cancel(true);
      log.warn(
          "Text extraction took longer than {}; the version is kept without text",
          limits.extractionTimeout());
    } catch (ExecutionException e) {
      log.warn(
          "Text extraction failed; the version is kept without text: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new ExtractedText(DocumentVersion.TextStatus.FAILED, null);
  }

  private String parse(byte[] content, Instant deadline)
      throws IOException, SAXException, TikaException {
    BodyContentHandler handler = new BodyContentHandler(limits.maxTextChars());
    Metadata metadata = new Metadata();
    try (TikaInputStream in = TikaInputStream.get(content)) {
      parser.parse(in, handler, metadata, withoutOcr());
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw e;
      }
    }
    String text = handler.toString();
    MediaType type = MediaType.parse(metadata.get(Metadata.CONTENT_TYPE));
    if (type == null || !ocr.available()) {
      return text;
    }
    String scanned = null;
    try {
      if (type.getType().equals("image")) {
        scanned = ocr.readImage(content, limits.maxTextChars(), deadline);
      } else if (type.getBaseType().toString().equals(DocumentType.PDF.mediaType())) {
        scanned = ocr.readPdf(content, limits.maxTextChars(), deadline);
      }
    } catch (IOException | TikaException | SAXException | RuntimeException e) {
      // OCR failing costs the scan's text, never the text the document already had
      log.warn("OCR failed; the version keeps the text extracted without it: {}", e.toString());
    }
    return scanned == null ? text : scanned;
  }

  /**
   * Tika's own OCR is switched off: {@link OcrReader} reads scans with the platform's languages,
   * page limit and deadline.
   */
  private static ParseContext withoutOcr() {
    ParseContext context = new ParseContext();
    TesseractOCRConfig noOcr = new TesseractOCRConfig();
    noOcr.setSkipOcr(true);
    context.set(TesseractOCRConfig.class, noOcr);
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    context.set(PDFParserConfig.class, pdf);
    return context;
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
