package io.contractflow.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The document types a contract may have: PDF and DOCX, and page images of scanned contracts (PNG,
 * JPEG, TIFF; their text comes from OCR). Everything else — archives, executables, other images,
 * macros — is refused.
 */
public enum DocumentType {
  PDF("application/pdf", "pdf"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg", "jpeg"),
  TIFF("image/tiff", "tif", "tiff");

  private final String mediaType;
  private final List<String> extensions;

  DocumentType(String mediaType, String... extensions) {
    this.mediaType = mediaType;
    this.extensions = List.of(extensions);
  }

  public String mediaType() {
    return mediaType;
  }

  /** The usual extension. */
  public String extension() {
    return extensions.get(0);
  }

  /** Whether this is a page image (a scan without a text layer). */
  public boolean isImage() {
    return mediaType.startsWith("image/");
  }

  static Optional<DocumentType> ofExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.extensions.contains(ext)).findFirst();
  }

  static Optional<DocumentType> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(t -> t.mediaType.equalsIgnoreCase(mediaType)).findFirst();
  }
}
