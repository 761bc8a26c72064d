package io.contractflow.document.ocr;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code ocr}: whether scans get their text. Always UP — a platform without
 * Tesseract still stores and serves every document, only scans stay without text — with {@code
 * available} false and the reason in the details, so that a dashboard shows it. Not in the
 * readiness group.
 */
@Component
class OcrHealthIndicator implements HealthIndicator {

  private final OcrReader ocr;

  OcrHealthIndicator(OcrReader ocr) {
    this.ocr = ocr;
  }

  @Override
  public Health health() {
    Health.Builder health =
        Health.up()
            .withDetail("available", ocr.available())
            .withDetail("enabled", ocr.enabled())
            .withDetail("tesseract", ocr.tesseractInstalled() ? "installed" : "not installed")
            .withDetail("languages", ocr.languages());
    if (!ocr.missingLanguages().isEmpty()) {
      health.withDetail("missingLanguages", ocr.missingLanguages());
    }
    if (!ocr.available()) {
      health.withDetail(
          "reason",
          !ocr.enabled()
              ? "OCR is switched off (contractflow.documents.ocr.enabled=false); scans are kept"
                  + " without text"
              : !ocr.tesseractInstalled()
                  ? "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng);"
                      + " scans are kept without text"
                  : "none of the configured languages is installed (tesseract-ocr-LANG)");
    }
    return health.build();
  }
}
