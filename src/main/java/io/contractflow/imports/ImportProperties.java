package io.contractflow.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and defaults of bulk imports ({@code contractflow.imports}).
 *
 * @param maxArchiveSize largest ZIP an import takes (413 above); uploaded to a temporary file,
 *     never held in memory. Other uploads keep the multipart limit ({@code
 *     spring.servlet.multipart.max-request-size})
 * @param maxFiles most entries a ZIP may hold (zip bombs: counted before anything is unpacked)
 * @param maxUnpackedSize most bytes a ZIP may unpack to, counted while unpacking
 * @param maxCompressionRatio most the whole ZIP may be compressed (zip bombs)
 * @param confidenceThreshold facts read from a document with less confidence must be confirmed one
 *     by one; an admin may accept the rest in bulk
 * @param defaultCurrency the currency of a contract whose document and CSV name none
 */
@ConfigurationProperties("contractflow.imports")
public record ImportProperties(
    @DefaultValue("512MB") DataSize maxArchiveSize,
    @DefaultValue("2000") int maxFiles,
    @DefaultValue("1GB") DataSize maxUnpackedSize,
    @DefaultValue("100") int maxCompressionRatio,
    @DefaultValue("0.8") double confidenceThreshold,
    @DefaultValue("EUR") String defaultCurrency) {}
