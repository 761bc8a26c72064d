package io.contractflow.document;

import io.contractflow.platform.error.RejectedContentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Decides whether an upload may become a contract document (OWASP ASVS file handling): the type
 * detected from the bytes must be PDF, DOCX or a page image (PNG, JPEG, TIFF) and agree with the
 * declared type and the extension; PDFs must open without a password, carry no scripts or
 * attachments and stay under the page cap; DOCX packages must be well-formed, macro-free and unpack
 * to a bounded size; images must be readable and stay under the pixel cap per page (decompression
 * bombs) and, as TIFF, under the page cap. Every refusal is a 413 or 415 with a message that says
 * what to fix.
 */
@Component
class UploadInspector {

  private final Detector detector;
  private final DocumentProperties limits;

  UploadInspector(@Lazy Detector detector, DocumentProperties limits) {
    this.detector = detector;
    this.limits = limits;
  }

  /** What an accepted upload is. */
  record Inspected(DocumentType type, String fileName, Integer pageCount) {}

  Inspected inspect(String originalName, String declaredType, byte[] content) {
    if (content.length == 0) {
      throw unsupported("The file is empty");
    }
    if (content.length > limits.maxSize().toBytes()) {
      throw tooLarge("The file is larger than " + limits.maxSize());
    }
    String fileName = FileNames.sanitize(originalName);
    DocumentType byExtension =
        DocumentType.ofExtension(fileName)
            .orElseThrow(
                () ->
                    unsupported(
                        "Only .pdf, .docx and scanned pages as .png, .jpg or .tif can be uploaded"));
    String detected = detect(content);
    DocumentType byContent =
        DocumentType.ofMediaType(detected)
            .orElseThrow(
                () ->
                    unsupported(
                        "The content is "
                            + detected
                            + "; only PDF and DOCX documents and PNG, JPEG or TIFF scans are accepted"));
    if (byContent != byExtension) {
      throw unsupported(
          "The file is named ."
              + byExtension.extension()
              + " but its content is "
              + byContent.name());
    }
    String declared =
        declaredType == null
            ? ""
            : MediaType.parse(declaredType) == null
                ? declaredType
                : MediaType.parse(declaredType).getBaseType().toString();
    if (!byContent.mediaType().equalsIgnoreCase(declared)) {
      throw unsupported(
          "The upload was declared as '"
              + declared
              + "' but its content is "
              + byContent.mediaType()
              + "; send the file with that Content-Type");
    }
    Integer pages =
        switch (byContent) {
          case PDF -> inspectPdf(content);
          case DOCX -> inspectDocx(content);
          case PNG, JPEG, TIFF -> inspectImage(content);
        };
    return new Inspected(byContent, fileName, pages);
  }

  private String detect(byte[] content) {
    // the name is deliberately not given to Tika: the type comes from the bytes alone
    try (TikaInputStream in = TikaInputStream.get(content)) {
      return detector.detect(in, new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      throw unsupported("The file's type could not be determined");
    }
  }

  private Integer inspectPdf(byte[] content) {
    try (PDDocument pdf = Loader.loadPDF(content)) {
      if (pdf.isEncrypted()) {
        throw unsupported("Encrypted PDFs are refused; upload the document without protection");
      }
      int pages = pdf.getNumberOfPages();
      if (pages > limits.maxPages()) {
        throw tooLarge(
            "The PDF has " + pages + " pages; at most " + limits.maxPages() + " are accepted");
      }
      refuseActiveContent(pdf.getDocumentCatalog());
      return pages;
    } catch (InvalidPasswordException e) {
      throw unsupported(
          "Password-protected PDFs are refused; upload the document without protection");
    } catch (IOException e) {
      throw unsupported("The PDF is damaged or not a PDF: " + e.getMessage());
    }
  }

  private static void refuseActiveContent(PDDocumentCatalog catalog) {
    PDDocumentNameDictionary names = catalog.getNames();
    if (names != null && names.getEmbeddedFiles() != null) {
      throw unsupported("PDFs with embedded files are refused");
    }
    if (names != null && names.getJavaScript() != null) {
      throw unsupported("PDFs with JavaScript are refused");
    }
    try {
      if (catalog.getOpenAction() instanceof PDActionJavaScript) {
        throw unsupported("PDFs with JavaScript are refused");
      }
    } catch (IOException e) {
      throw unsupported("The PDF is damaged: " + e.getMessage());
    }
    // an action may hide anywhere: the open action, additional actions (/AA) of the document, a
    // page, a form field,
    // a link annotation, a named destination, an outline entry: walk every object the document
    // reaches
    PdfActiveContent.find(catalog.getCOSObject())
        .ifPresent(
            found -> {
              throw unsupported("PDFs that " + found + " are refused");
            });
  }

  private Integer inspectDocx(byte[] content) {
    long unpacked = 0;
    int entries = 0;
    boolean contentTypes = false;
    boolean mainDocument = false;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (++entries > limits.maxEntries()) {
          throw tooLarge("The DOCX holds more than " + limits.maxEntries() + " parts");
        }
        String name = entry.getName();
        if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
          throw unsupported("The DOCX holds a part with an unsafe name");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("vbaproject.bin") || lower.startsWith("word/activex/")) {
          throw unsupported("Documents with macros or ActiveX controls are refused");
        }
        contentTypes |= name.equals("[Content_Types].xml");
        mainDocument |= name.equals("word/document.xml");
        long entryBytes = 0;
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          entryBytes += n;
          unpacked += n;
          if (unpacked > limits.maxUnpackedSize().toBytes()) {
            throw tooLarge("The DOCX unpacks to more than " + limits.maxUnpackedSize());
          }
        }
        long compressed = entry.getCompressedSize();
        if (compressed > 0
            && entryBytes > 1_000_000
            && entryBytes / compressed > limits.maxCompressionRatio()) {
          throw tooLarge(
              "A part of the DOCX is compressed more than " + limits.maxCompressionRatio() + ":1");
        }
      }
    } catch (ZipException e) {
      throw unsupported("The DOCX is damaged: " + e.getMessage());
    } catch (IOException e) {
      throw unsupported("The DOCX could not be read: " + e.getMessage());
    }
    if (!contentTypes || !mainDocument) {
      throw unsupported("The file is a ZIP archive but not a Word document");
    }
    if (unpacked / Math.max(1, content.length) > limits.maxCompressionRatio()) {
      throw tooLarge("The DOCX is compressed more than " + limits.maxCompressionRatio() + ":1");
    }
    return null;
  }

  /**
   * The page count of an image. The sizes come from the headers; then every page is decoded at an
   * eighth of its size in each direction, which reads all of the image data (a damaged or truncated
   * scan is refused) without holding its pixels.
   */
  private Integer inspectImage(byte[] content) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw unsupported("The image could not be read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, false, true);
        int pages = reader.getNumImages(true);
        if (pages < 1) {
          throw unsupported("The image has no pages");
        }
        if (pages > limits.maxPages()) {
          throw tooLarge(
              "The image has " + pages + " pages; at most " + limits.maxPages() + " are accepted");
        }
        for (int page = 0; page < pages; page++) {
          long pixels = (long) reader.getWidth(page) * reader.getHeight(page);
          if (pixels > limits.maxImagePixels()) {
            throw tooLarge(
                "A page of the image has "
                    + pixels
                    + " pixels; at most "
                    + limits.maxImagePixels()
                    + " are accepted (scan at 300 dpi)");
          }
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(8, 8, 0, 0);
        for (int page = 0; page < pages; page++) {
          reader.read(page, param);
        }
        if (!warnings.isEmpty()) {
          throw unsupported("The image is damaged: " + warnings.get(0));
        }
        return pages;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof RejectedContentException rejected) {
        throw rejected;
      }
      throw unsupported("The image is damaged: " + e.getMessage());
    }
  }

  private static RejectedContentException unsupported(String detail) {
    return new RejectedContentException(
        RejectedContentException.Reason.UNSUPPORTED, "unsupported-document", detail);
  }

  private static RejectedContentException tooLarge(String detail) {
    return new RejectedContentException(
        RejectedContentException.Reason.TOO_LARGE, "document-too-large", detail);
  }
}
