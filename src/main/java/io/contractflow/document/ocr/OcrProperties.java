package io.contractflow.document.ocr;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Text from scans: OCR of PDF pages without a text layer and of uploaded page images, by Tesseract
 * (the OS package, called through Tika).
 *
 * @param enabled whether scans are read at all; without OCR they are kept without text
 * @param languages Tesseract's language packs to read with, in order (eng, deu, fra; each one
 *     installed as {@code tesseract-ocr-LANG})
 * @param maxPages most pages of one document that are read by OCR; later pages stay without text
 * @param dpi resolution PDF pages are rendered at for OCR
 * @param minCharsPerPage a PDF page with fewer characters in its text layer is read by OCR
 * @param tesseractPath the directory of the {@code tesseract} binary; empty for the PATH
 */
@ConfigurationProperties("contractflow.documents.ocr")
public record OcrProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("eng") List<String> languages,
    @DefaultValue("50") int maxPages,
    @DefaultValue("300") int dpi,
    @DefaultValue("10") int minCharsPerPage,
    @DefaultValue("") String tesseractPath) {

  public OcrProperties {
    languages = languages == null || languages.isEmpty() ? List.of("eng") : List.copyOf(languages);
    for (String language : languages) {
      if (!language.matches("[a-z_A-Z]{3,16}")) {
        throw new IllegalArgumentException("Not a Tesseract language: " + language);
      }
    }
    if (maxPages < 1 || dpi < 72 || dpi > 600) {
      throw new IllegalArgumentException("OCR needs max-pages >= 1 and a dpi from 72 to 600");
    }
  }

  /** The languages as Tesseract takes them: eng+deu. */
  public String tesseractLanguage() {
    return String.join("+", languages);
  }
}
