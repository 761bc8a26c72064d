package io.contractflow.obligation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment terms as the extractor normalises them (FactField.PAYMENT_TERMS): {@code net 30} (payment
 * within 30 days of an invoice) or a rhythm, {@code quarterly in advance}, {@code monthly in
 * arrears} ({@code monthly}, {@code quarterly}, {@code semi-annually}, {@code annually}).
 *
 * @param said the terms as extracted
 * @param netDays days to pay after an invoice (0 when the terms give a rhythm instead)
 * @param months months between two payments of a rhythm (0 for net terms)
 * @param inArrears whether a rhythm's payment falls due at the end of its period (else at its
 *     start)
 */
record PaymentTerms(String said, int netDays, int months, boolean inArrears) {

  private static final Pattern NET = Pattern.compile("net (\\d{1,3})");
  private static final Pattern RHYTHM =
      Pattern.compile("(monthly|quarterly|semi-annually|annually) in (advance|arrears)");

  /** The terms of an extracted value; empty if it is neither form. */
  static Optional<PaymentTerms> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String said = value.strip().toLowerCase(Locale.ROOT);
    Matcher net = NET.matcher(said);
    if (net.matches()) {
      int days = Integer.parseInt(net.group(1));
      return days == 0 ? Optional.empty() : Optional.of(new PaymentTerms(said, days, 0, false));
    }
    Matcher rhythm = RHYTHM.matcher(said);
    if (rhythm.matches()) {
      int months =
          switch (rhythm.group(1)) {
            case "monthly" -> 1;
            case "quarterly" -> 3;
            case "semi-annually" -> 6;
            default -> 12;
          };
      return Optional.of(new PaymentTerms(said, 0, months, rhythm.group(2).equals("arrears")));
    }
    return Optional.empty();
  }

  /** Whether the terms give a rhythm of payments (else days to pay an invoice). */
  boolean recurring() {
    return months > 0;
  }
}
