package io.contractflow.document;

/**
 * A document's text as an upload extracts it (OCR included): the text, possibly cut at the limit,
 * or why there is none. A bulk import extracts it once, reads its facts, and hands it back when the
 * file is stored as a version ({@link DocumentService#storeImported}).
 *
 * @param status whether text was found
 * @param text the text; null unless {@code status} is EXTRACTED
 */
public record ExtractedText(DocumentVersion.TextStatus status, String text) {

  public ExtractedText {
    if (status == null) {
      throw new IllegalArgumentException("A text status is needed");
    }
    if ((status == DocumentVersion.TextStatus.EXTRACTED) != (text != null)) {
      throw new IllegalArgumentException("Only extracted text has text");
    }
  }
}
