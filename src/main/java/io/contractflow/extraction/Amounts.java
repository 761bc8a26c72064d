package io.contractflow.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money with their currency: "$12,000", "USD 12,000.00", "EUR 48.000,00", "€5,000",
 * "£1,500.50", "12.000 Euro", "2.5 million dollars".
 */
final class Amounts {

  /** An amount found in a text, with its ISO-4217 currency and where it is. */
  record Found(BigDecimal amount, String currency, int start, int end) {}

  private static final Map<String, String> SYMBOLS =
      Map.ofEntries(
          Map.entry("$", "USD"),
          Map.entry("us$", "USD"),
          Map.entry("a$", "AUD"),
          Map.entry("c$", "CAD"),
          Map.entry("ca$", "CAD"),
          Map.entry("£", "GBP"),
          Map.entry("€", "EUR"),
          Map.entry("¥", "JPY"),
          Map.entry("chf", "CHF"),
          Map.entry("fr.", "CHF"),
          Map.entry("dollars", "USD"),
          Map.entry("dollar", "USD"),
          Map.entry("us dollars", "USD"),
          Map.entry("euros", "EUR"),
          Map.entry("euro", "EUR"),
          Map.entry("pounds sterling", "GBP"),
          Map.entry("pounds", "GBP"),
          Map.entry("sterling", "GBP"),
          Map.entry("swiss francs", "CHF"));

  private static final String CODE = "USD|EUR|GBP|CHF|CAD|AUD|JPY|SEK|NOK|DKK|PLN|NZD|SGD|INR";
  private static final String NUMBER =
      "(\\d{1,3}(?:[,.\\s'’]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
  private static final String SCALE = "(?:\\s*(million|m|thousand|k)\\b)?";

  private static final Pattern BEFORE =
      Pattern.compile(
          "(?i)(US\\$|A\\$|CA?\\$|\\$|£|€|¥|\\b(?:" + CODE + ")\\b|\\bFr\\.)\\s?" + NUMBER + SCALE);
  private static final Pattern AFTER =
      Pattern.compile(
          "(?i)"
              + NUMBER
              + SCALE
              + "\\s?(\\b(?:"
              + CODE
              + ")\\b|€|£|\\b(?:US\\s+dollars|dollars?|euros?|pounds\\s+sterling|pounds|swiss\\s+francs)\\b)");

  private Amounts() {}

  /** Every amount in {@code text} in the order written. */
  static List<Found> in(String text) {
    List<Found> found = new ArrayList<>();
    for (Matcher m = BEFORE.matcher(text); m.find(); ) {
      add(found, m.group(2), m.group(3), currency(m.group(1)), m.start(), m.end());
    }
    for (Matcher m = AFTER.matcher(text); m.find(); ) {
      boolean overlaps = found.stream().anyMatch(f -> f.start() < m.end() && m.start() < f.end());
      if (!overlaps) {
        add(found, m.group(1), m.group(2), currency(m.group(3)), m.start(), m.end());
      }
    }
    found.sort(java.util.Comparator.comparingInt(Found::start));
    return found;
  }

  private static String currency(String written) {
    String key = written.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    String code = SYMBOLS.get(key);
    return code != null ? code : written.toUpperCase(Locale.ROOT);
  }

  private static void add(
      List<Found> found, String number, String scale, String currency, int start, int end) {
    BigDecimal amount = parse(number);
    if (amount == null) {
      return;
    }
    if (scale != null) {
      String s = scale.toLowerCase(Locale.ROOT);
      amount =
          amount.multiply(
              s.startsWith("m") ? BigDecimal.valueOf(1_000_000) : BigDecimal.valueOf(1_000));
    }
    found.add(new Found(amount.setScale(2, java.math.RoundingMode.HALF_UP), currency, start, end));
  }

  /** "12,000.50", "12.000,50", "12 000", "12'000" as a number. */
  static BigDecimal parse(String written) {
    String s = written.replaceAll("[\\s'’]", "");
    int lastComma = s.lastIndexOf(',');
    int lastDot = s.lastIndexOf('.');
    int decimal = -1;
    int last = Math.max(lastComma, lastDot);
    if (last >= 0 && s.length() - last - 1 <= 2) {
      decimal = last;
    }
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        digits.append(c);
      } else if (i == decimal) {
        digits.append('.');
      }
    }
    try {
      return new BigDecimal(digits.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
