package io.contractflow.extraction;

/**
 * One fact read from a contract's text.
 *
 * @param field which fact
 * @param value the value in a normal form: ISO-8601 dates (2027-03-31) and periods (P1Y, P30D),
 *     decimal amounts without grouping (12000.00), ISO-4217 currency codes, "true"/"false" for
 *     auto-renewal, plain text otherwise; parties are separated by " | "
 * @param passage the text it came from, verbatim, at most a few sentences
 * @param confidence from 0 (a guess) to 1 (certain)
 */
public record ExtractedFact(FactField field, String value, String passage, double confidence) {

  public ExtractedFact {
    if (field == null || value == null || value.isBlank()) {
      throw new IllegalArgumentException("a fact needs a field and a value");
    }
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be between 0 and 1");
    }
  }
}
