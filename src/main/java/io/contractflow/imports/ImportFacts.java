package io.contractflow.imports;

import io.contractflow.extraction.ExtractedFact;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of one imported file: read from its text by the extractor, overridden by its CSV row
 * (certain). The value a fact lacks comes from a default the verify form shows as such.
 */
final class ImportFacts {

  private ImportFacts() {}

  /** The extractor's facts as the import's fields, then the CSV's on top. */
  static Map<ImportedField, ImportFact> merge(
      List<ExtractedFact> extracted, Map<ImportedField, ImportFact> csv) {
    Map<ImportedField, ImportFact> facts = new EnumMap<>(ImportedField.class);
    ExtractedFact term = null;
    for (ExtractedFact fact : extracted) {
      try {
        switch (fact.field()) {
          case PARTIES -> {
            String[] parties = fact.value().split("\\|");
            put(facts, ImportedField.COUNTERPARTY, parties[parties.length - 1].strip(), fact);
          }
          case EFFECTIVE_DATE ->
              put(facts, ImportedField.START_DATE, LocalDate.parse(fact.value()).toString(), fact);
          case END_DATE ->
              put(facts, ImportedField.END_DATE, LocalDate.parse(fact.value()).toString(), fact);
          case TERM -> term = fact;
          case AUTO_RENEWAL ->
              put(facts, ImportedField.AUTO_RENEW, ImportCsv.bool(fact.value()), fact);
          case NOTICE_PERIOD ->
              put(
                  facts,
                  ImportedField.NOTICE_PERIOD_DAYS,
                  String.valueOf(ImportCsv.days(fact.value())),
                  fact);
          case VALUE -> put(facts, ImportedField.VALUE, ImportCsv.amount(fact.value()), fact);
          case CURRENCY ->
              put(facts, ImportedField.CURRENCY, ImportCsv.currency(fact.value()), fact);
          case GOVERNING_LAW, PAYMENT_TERMS -> {
            // not a field of the contract yet (custom fields will hold them)
          }
        }
      } catch (RuntimeException unreadable) {
        // a value the extractor normalised badly is no fact: the person fills it in
      }
    }
    if (term != null) {
      try {
        Period period = Period.parse(term.value());
        if (!facts.containsKey(ImportedField.END_DATE)
            && facts.containsKey(ImportedField.START_DATE)) {
          LocalDate start = LocalDate.parse(facts.get(ImportedField.START_DATE).value());
          double confidence =
              Math.min(term.confidence(), facts.get(ImportedField.START_DATE).confidence());
          facts.put(
              ImportedField.END_DATE,
              new ImportFact(
                  start.plus(period).minusDays(1).toString(), term.passage(), confidence));
        }
        if (period.toTotalMonths() > 0) {
          put(
              facts,
              ImportedField.RENEWAL_TERM_MONTHS,
              String.valueOf(period.toTotalMonths()),
              term);
        }
      } catch (RuntimeException unreadable) {
        // as above
      }
    }
    facts.putAll(csv);
    return facts;
  }

  private static void put(
      Map<ImportedField, ImportFact> facts, ImportedField field, String value, ExtractedFact from) {
    facts.put(field, new ImportFact(value, from.passage(), from.confidence()));
  }

  /** Whether every fact is at least as confident as the threshold (an admin may accept them). */
  static boolean allConfident(Map<ImportedField, ImportFact> facts, double threshold) {
    return facts.values().stream().allMatch(f -> f.confidence() >= threshold);
  }
}
