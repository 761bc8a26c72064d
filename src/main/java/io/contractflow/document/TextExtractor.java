package io.contractflow.document;

import java.io.IOException;
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
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Extracts the plain text of a document version with Tika, for search and compare. Bounded in
 * characters and in time: a document that is slow or hostile to parse is kept without text rather
 * than holding up the upload.
 */
@Component
class TextExtractor implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TextExtractor.class);

  /** The outcome: the text (possibly cut at the limit) or why there is none. */
  record Extracted(DocumentVersion.TextStatus status, String text) {}

  private final Parser parser;
  private final DocumentProperties limits;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread thread = new Thread(r, "text-extraction");
            thread.setDaemon(true);
            return thread;
          });

  TextExtractor(AutoDetectParser parser, DocumentProperties limits) {
    this.parser = parser;
    this.limits = limits;
  }

  Extracted extract(byte[] content) {
    Future<String> job = executor.submit(() -> parse(content));
    try {
      String text = job.get(limits.extractionTimeout().toMillis(), TimeUnit.MILLISECONDS).strip();
      return text.isEmpty()
          ? new Extracted(DocumentVersion.TextStatus.EMPTY, null)
          : new Extracted(DocumentVersion.TextStatus.EXTRACTED, text);
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
    return new Extracted(DocumentVersion.TextStatus.FAILED, null);
  }

  private String parse(byte[] content) throws IOException, SAXException, TikaException {
    BodyContentHandler handler = new BodyContentHandler(limits.maxTextChars());
    try (TikaInputStream in = TikaInputStream.get(content)) {
      parser.parse(in, handler, new Metadata(), new ParseContext());
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw e;
      }
    }
    return handler.toString();
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
