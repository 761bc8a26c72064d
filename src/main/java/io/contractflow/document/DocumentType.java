package io.contractflow.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The document types a contract may have. Everything else — archives, executables, images, macros —
 * is refused.
 */
public enum DocumentType {
  PDF("application/pdf", "pdf"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

  private final String mediaType;
  private final String extension;

  DocumentType(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  static Optional<DocumentType> ofExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.extension.equals(ext)).findFirst();
  }

  static Optional<DocumentType> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(t -> t.mediaType.equalsIgnoreCase(mediaType)).findFirst();
  }
}
