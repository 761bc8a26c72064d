package io.contractflow.imports;

/**
 * One fact of an imported file, found in its CSV row or read from its text.
 *
 * @param value the value as the verify form shows it (ISO dates, decimals, whole days and months,
 *     "true"/"false")
 * @param passage the text it came from ("CSV row 3" for the CSV)
 * @param confidence from 0 to 1; the CSV's facts are certain (1)
 */
public record ImportFact(String value, String passage, double confidence) {}
