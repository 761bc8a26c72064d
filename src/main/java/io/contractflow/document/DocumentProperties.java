package io.contractflow.document;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of document uploads.
 *
 * @param maxSize largest upload (413 above); the multipart limits follow it
 * @param maxPages most pages a PDF may have
 * @param maxUnpackedSize most bytes a DOCX may unpack to (zip bombs)
 * @param maxCompressionRatio most a DOCX entry may be compressed (zip bombs)
 * @param maxEntries most entries a DOCX may hold
 * @param maxTextChars most characters of text kept per version
 * @param extractionTimeout how long text extraction (OCR included) may take before the version is
 *     kept without text
 * @param maxImagePixels most pixels a page of an uploaded image may have (decompression bombs)
 */
@ConfigurationProperties("contractflow.documents")
public record DocumentProperties(
    @DefaultValue("25MB") DataSize maxSize,
    @DefaultValue("1000") int maxPages,
    @DefaultValue("200MB") DataSize maxUnpackedSize,
    @DefaultValue("100") int maxCompressionRatio,
    @DefaultValue("2000") int maxEntries,
    @DefaultValue("5000000") int maxTextChars,
    @DefaultValue("60s") Duration extractionTimeout,
    @DefaultValue("40000000") long maxImagePixels) {}
