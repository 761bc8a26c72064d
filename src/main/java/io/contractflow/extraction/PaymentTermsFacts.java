package io.contractflow.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PAYMENT_TERMS in a normal form: "net 30" for payment within 30 days of an invoice (however it is
 * written: "net 30", "within thirty (30) days of the invoice date", "invoices are payable within 30
 * days"), otherwise the rhythm ("monthly in advance", "quarterly in arrears").
 */
final class PaymentTermsFacts implements FactRules {

  private static final Pattern NET = Pattern.compile("(?i)\\bnet\\s*[- ]?(\\d{1,3})\\b");
  private static final Pattern WITHIN_OF_INVOICE =
      Pattern.compile(
          "(?i)\\bwithin\\s+(?<q>"
              + Numbers.QUANTITY
              + ")\\s+(?:calendar\\s+|business\\s+|working\\s+)?days?\\s+(?:of|from|after|following)\\s+"
              + "(?:the\\s+)?(?:date\\s+of\\s+|receipt\\s+of\\s+|issue\\s+of\\s+|issuance\\s+of\\s+)?"
              + "(?:the\\s+|each\\s+|an\\s+|a\\s+|any\\s+|its\\s+|such\\s+)?(?:valid\\s+|correct\\s+|"
              + "undisputed\\s+|proper\\s+)?(?:invoice|receipt\\s+of\\s+invoice|billing)");

  /** "Payment terms: 45 days from date of invoice", "30 days net". */
  private static final Pattern DAYS_FROM_INVOICE =
      Pattern.compile(
          "(?i)\\b(?<q>\\d{1,3})\\s+days?\\s+(?:net\\b|(?:from|of|after)\\s+(?:the\\s+)?(?:date\\s+of\\s+)?"
              + "(?:receipt\\s+of\\s+)?(?:the\\s+)?invoice)");

  private static final Pattern INVOICE_WITHIN =
      Pattern.compile(
          "(?i)\\binvoic\\w*\\b.{0,120}?\\b(?:(?:payable|paid|due|settled|pay)\\s+(?:in\\s+full\\s+)?in|within)\\s+(?<q>"
              + Numbers.QUANTITY
              + ")\\s+(?:calendar\\s+|business\\s+|working\\s+)?days?");

  /** "monthly in arrears" said outright comes before any other reading of the rhythm. */
  private static final Pattern FREQUENCY_IN =
      Pattern.compile(
          "(?i)\\b(?<f>monthly|quarterly|annually|yearly|semi-annually|half-yearly)\\s+in\\s+(?<w>advance|arrears?)");

  private static final Pattern RHYTHM =
      Pattern.compile(
          "(?i)\\b(?<f>monthly|quarterly|annually|yearly|semi-annually|half-yearly)\\s+in\\s+"
              + "(?<w>advance|arrears?)|\\bin\\s+(?<w2>advance|arrears?)\\s+(?:on\\s+(?:a|an|the)\\s+)?"
              + "(?:first\\s+\\w+\\s+of\\s+each\\s+)?(?<f2>monthly|quarterly|annual|yearly|month|quarter|year)"
              + "|\\bin\\s+(?<w3>advance|arrears?)\\b.{0,40}?\\b(?:each|every|per|a)\\s+(?:calendar\\s+)?"
              + "(?<f3>month|quarter|year)\\b|\\bper\\s+(?:calendar\\s+)?(?<f4>month|quarter|year|annum)\\b.{0,40}?"
              + "\\bin\\s+(?<w4>advance|arrears?)\\b");

  @Override
  public List<ExtractedFact> find(ContractText text) {
    List<ExtractedFact> facts = new ArrayList<>();
    for (ContractText.Sentence sentence : text.sentences()) {
      String s = sentence.text();
      Matcher net = NET.matcher(s);
      if (net.find()) {
        facts.add(fact("net " + Integer.parseInt(net.group(1)), s, 0.9));
      }
      for (Pattern days : List.of(WITHIN_OF_INVOICE, INVOICE_WITHIN, DAYS_FROM_INVOICE)) {
        Matcher m = days.matcher(s);
        if (m.find()) {
          Numbers.quantity(m.group("q"))
              .ifPresent(
                  n -> facts.add(fact("net " + n, s, days == WITHIN_OF_INVOICE ? 0.85 : 0.75)));
        }
      }
      Matcher said = FREQUENCY_IN.matcher(s);
      Matcher rhythm = RHYTHM.matcher(s);
      if (said.find()) {
        facts.add(fact(frequency(said.group("f")) + " in " + arrears(said.group("w")), s, 0.7));
      } else if (rhythm.find()) {
        String frequency = first(rhythm, "f", "f2", "f3", "f4");
        String when = first(rhythm, "w", "w2", "w3", "w4");
        facts.add(fact(frequency(frequency) + " in " + arrears(when), s, 0.7));
      }
    }
    return facts;
  }

  private static String first(Matcher m, String... groups) {
    for (String group : groups) {
      if (m.group(group) != null) {
        return m.group(group);
      }
    }
    return "";
  }

  private static String frequency(String written) {
    String f = written.toLowerCase(Locale.ROOT);
    return switch (f) {
      case "month", "monthly" -> "monthly";
      case "quarter", "quarterly" -> "quarterly";
      case "year", "yearly", "annual", "annually", "annum" -> "annually";
      default -> f.startsWith("semi") || f.startsWith("half") ? "semi-annually" : f;
    };
  }

  private static String arrears(String written) {
    return written.toLowerCase(Locale.ROOT).startsWith("arrear") ? "arrears" : "advance";
  }

  private static ExtractedFact fact(String value, String sentence, double confidence) {
    return new ExtractedFact(FactField.PAYMENT_TERMS, value, sentence, confidence);
  }
}
