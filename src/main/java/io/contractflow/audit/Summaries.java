package io.contractflow.audit;

/**
 * Fits a sentence into an entry's summary: a long one is cut, ending in an ellipsis (the details
 * keep it whole).
 */
public final class Summaries {

  private Summaries() {}

  public static String fit(String summary) {
    return summary.length() <= AuditTrail.MAX_SUMMARY
        ? summary
        : cut(summary, AuditTrail.MAX_SUMMARY);
  }

  /**
   * The text cut to at most {@code max} characters, ending in an ellipsis, never between the halves
   * of a pair.
   */
  static String cut(String text, int max) {
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
