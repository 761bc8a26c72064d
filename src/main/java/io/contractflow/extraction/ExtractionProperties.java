package io.contractflow.extraction;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How facts are read from contract text.
 *
 * @param dayFirst whether an ambiguous numeric date (01/03/2027) is day first (1 March, as in the
 *     UK and Europe) or month first (3 January, as in the US); dates with dots (01.03.2027) are
 *     always day first, and a part above 12 decides on its own
 */
@ConfigurationProperties("contractflow.extraction")
public record ExtractionProperties(@DefaultValue("true") boolean dayFirst) {}
